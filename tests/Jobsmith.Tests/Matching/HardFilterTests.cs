using Jobsmith.Core.Jobs;
using Jobsmith.Core.Matching;

namespace Jobsmith.Tests.Matching;

public sealed class HardFilterTests
{
    private static readonly JobPosting[] Postings =
    [
        MatchingData.Posting("berlin", "Backend Engineer", "Python and PostgreSQL.", locations: ["Berlin, Germany"], remote: RemoteType.Onsite),
        MatchingData.Posting("remote", "Backend Engineer", "Python.", locations: ["Lisbon"], remote: RemoteType.Remote),
        MatchingData.Posting("nyc", "Backend Engineer", "Go.", locations: ["New York, NY"], remote: RemoteType.Hybrid),
        MatchingData.Posting("cheap", "Backend Engineer", "Python.", salary: new SalaryRange(40_000, 50_000, "EUR", SalaryPeriod.Year)),
        MatchingData.Posting("hourly", "Backend Engineer", "Python.", salary: new SalaryRange(null, 60, "EUR", SalaryPeriod.Hour)),
        MatchingData.Posting("usd", "Backend Engineer", "Python.", salary: new SalaryRange(40_000, 50_000, "USD", SalaryPeriod.Year)),
        MatchingData.Posting("contract", "Backend Engineer", "Python.", employment: EmploymentType.Contract),
        MatchingData.Posting("novisa", "Backend Engineer", "Python. We are unable to sponsor visas for this role."),
        MatchingData.Posting("avoid", "Backend Engineer", "Python.", company: "Initech"),
        MatchingData.Posting("applied", "Backend Engineer", "Python."),
    ];

    private static readonly PostingIndex Index = PostingIndex.Build(Postings);

    private static Dictionary<string, string> Filtered(MatchPreferences preferences, IEnumerable<string>? exclude = null) =>
        new Matcher().Rank(MatchProfile.FromParts(["Python"], ["Backend Engineer"], 4, "python backend"), preferences, Index, 100, exclude)
            .Filtered.ToDictionary(f => f.Posting.ExternalId, f => f.Reason);

    [Fact]
    public void No_preferences_filter_nothing()
    {
        Assert.Empty(Filtered(MatchPreferences.None));
    }

    [Fact]
    public void Locations_keep_matching_places_remote_postings_and_postings_without_a_place()
    {
        var filtered = Filtered(new MatchPreferences { Locations = ["Berlin"] });
        Assert.Equal(["nyc"], filtered.Keys);
        Assert.Contains("outside Berlin", filtered["nyc"], StringComparison.Ordinal);

        var noRemote = Filtered(new MatchPreferences { Locations = ["Berlin"], RemoteOk = false });
        Assert.Equal(["nyc", "remote"], noRemote.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Remote_only_keeps_remote_postings()
    {
        var filtered = Filtered(new MatchPreferences { RemoteOnly = true });
        Assert.DoesNotContain("remote", filtered.Keys);
        Assert.Equal(Postings.Length - 1, filtered.Count);
        Assert.Equal("not remote (hybrid)", filtered["nyc"]);
    }

    [Fact]
    public void Salary_floor_filters_stated_pay_below_it_in_the_same_currency_per_year()
    {
        var filtered = Filtered(new MatchPreferences { SalaryFloor = 60_000, SalaryCurrency = "EUR" });
        Assert.Equal(["cheap"], filtered.Keys);
        Assert.Contains("below your floor of 60,000", filtered["cheap"], StringComparison.Ordinal);
        // 60 EUR an hour is 124,800 a year; the USD posting cannot be compared with a EUR floor, so it stays.
    }

    [Fact]
    public void Employment_types_sponsorship_avoided_companies_and_applied_postings_are_filtered_with_reasons()
    {
        var filtered = Filtered(new MatchPreferences
        {
            EmploymentTypes = new HashSet<EmploymentType> { EmploymentType.FullTime },
            NeedsVisaSponsorship = true,
            AvoidCompanies = ["initech"],
            AppliedOrDismissed = new HashSet<string> { "test:applied" },
        });
        Assert.Equal(["applied", "avoid", "contract", "novisa"], filtered.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Initech is on your avoid list", filtered["avoid"]);
        Assert.Equal("Contract is not an employment type you want", filtered["contract"]);
        Assert.Equal("states it does not sponsor visas", filtered["novisa"]);
        Assert.Equal("already applied, dismissed or shown", filtered["applied"]);
    }

    [Theory]
    [InlineData("Applicants must be authorized to work in the US; we do not sponsor visas.", SponsorshipStance.Refused)]
    [InlineData("This role is not eligible for visa sponsorship? No: sponsorship is not available.", SponsorshipStance.Refused)]
    [InlineData("Visa sponsorship is available for this position.", SponsorshipStance.Offered)]
    [InlineData("We build payroll software.", SponsorshipStance.Unknown)]
    public void Sponsorship_stance_is_read_from_the_text(string text, SponsorshipStance expected)
    {
        Assert.Equal(expected, PostingAnalysis.StanceOf(text));
    }
}
