using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Tests.Jobs.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Jobs.Dedupe;

/// <summary>The job-URL rule of issue 13 item 5 (C5): tracking dropped, job identifiers kept, shared pages kept apart.</summary>
public sealed class JobUrlRuleTests
{
    [Theory]
    [InlineData("https://boards.greenhouse.io/acme/jobs/123?gh_src=a1b2&utm_source=linkedin", "https://boards.greenhouse.io/acme/jobs/123")]
    [InlineData("https://jobs.lever.co/acme/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab/apply?lever-source%5B%5D=newsletter&lever-origin=applied", "https://jobs.lever.co/acme/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab")]
    [InlineData("https://WWW.acme.example/careers/?gh_jid=4567&gh_src=x&ref=hn", "https://acme.example/careers?gh_jid=4567")]
    [InlineData("https://boards.greenhouse.io/embed/job_app?token=99&for=acme&source=indeed&src=tw&trk=feed", "https://boards.greenhouse.io/embed/job_app?for=acme&token=99")]
    [InlineData("https://acme.example/careers?utm_campaign=q3#/job/123", "https://acme.example/careers#/job/123")]
    [InlineData("https://acme.example/jobs/view?jobId=77#apply", "https://acme.example/jobs/view?jobId=77")]
    [InlineData("https://jobs.ashbyhq.com/acme/5b1c/application?utm_source=x#:~:text=Apply", "https://jobs.ashbyhq.com/acme/5b1c")]
    public void Tracking_is_dropped_and_job_identifiers_are_kept(string url, string canonical) =>
        Assert.Equal(canonical, UrlCanonicalizer.Canonicalize(new Uri(url)).AbsoluteUri);

    [Theory]
    [InlineData("https://boards.greenhouse.io/embed/job_app?for=acme", true)]
    [InlineData("https://boards.greenhouse.io/embed/job_app?for=acme&token=99", false)]
    [InlineData("https://jobs.ashbyhq.com/acme", true)]
    [InlineData("https://jobs.ashbyhq.com/acme/5b1c", false)]
    [InlineData("https://acme.example/careers", true)]
    [InlineData("https://acme.example", true)]
    [InlineData("https://acme.example/careers?gh_jid=4567", false)]
    [InlineData("https://acme.example/careers#/job/123", false)]
    [InlineData("https://acme.example/careers/backend-engineer", false)]
    public void Shared_pages_are_known_by_their_shape(string url, bool generic) =>
        Assert.Equal(generic, JobUrlRule.IsGenericShape(UrlCanonicalizer.Canonicalize(new Uri(url))));

    [Fact]
    public void A_listing_twice_with_a_tracking_link_and_no_description_is_one_posting()
    {
        var first = Posting("1", "Backend Engineer", "Acme", "https://boards.greenhouse.io/acme/jobs/123", "Berlin");
        var tracked = Posting("2", "Backend Engineer", "ACME, Inc.", "https://www.boards.greenhouse.io/acme/jobs/123/?gh_src=a1&utm_source=li", "Berlin");
        var described = Posting("3", "Backend Engineer", "Acme GmbH", "https://boards.greenhouse.io/acme/jobs/123?lever-source[]=x", "Berlin") with
        {
            Description = new PostingDescription("We build payment rails. " + new string('x', 300), ""),
        };

        var groups = new DuplicateDetector().Group([first, tracked, described]);

        var group = Assert.Single(groups);
        Assert.All(group.Duplicates, d => Assert.Equal(DuplicateReason.SameCanonicalUrl, d.Reason));
    }

    [Fact]
    public void Shared_pages_and_other_employers_never_merge_different_jobs()
    {
        List<JobPosting> postings =
        [
            // Greenhouse embed without its token: different titles are different jobs, the same title and place once more is a relisting.
            Posting("e1", "Backend Engineer", "Acme", "https://boards.greenhouse.io/embed/job_app?for=acme", "Berlin"),
            Posting("e2", "Data Analyst", "Acme", "https://boards.greenhouse.io/embed/job_app?for=acme", "Berlin"),
            Posting("e3", "Backend Engineer (m/f/d)", "Acme", "https://boards.greenhouse.io/embed/job_app?for=acme&utm_source=x", "Berlin"),
            // Hash-routed careers site: the fragment names the job.
            Posting("h1", "Designer", "Acme", "https://acme.example/careers#/job/1", "Berlin"),
            Posting("h2", "Designer", "Acme", "https://acme.example/careers#/job/2", "Berlin"),
            // A careers page no shape gives away, known as shared because it carries different titles.
            Posting("w1", "Account Executive", "Acme", "https://acme.example/work", "Denver"),
            Posting("w2", "Account Executive", "Acme", "https://acme.example/work", "Toronto"),
            Posting("w3", "Support Lead", "Acme", "https://acme.example/work", "Denver"),
            // One aggregator link, the same title at two employers.
            Posting("a1", "Software Engineer", "Acme", "https://jobs.aggregator.example/listing/5", "Remote"),
            Posting("a2", "Software Engineer", "Globex", "https://jobs.aggregator.example/listing/5", "Remote"),
        ];

        var groups = new DuplicateDetector().Group(postings);

        var merged = Assert.Single(groups, g => g.Duplicates.Count > 0);
        Assert.Equal(["e1", "e3"], merged.Members.Select(p => p.ExternalId).Order());
        Assert.Equal(postings.Count - 1, groups.Count);
    }

    /// <summary>
    /// A CSV feed pointing every row at one careers page stores each job (before, rows without ids were keyed by
    /// URL alone and overwrote each other), and a later run links a relisting only to the row of its own title.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_of_one_careers_page_are_stored_apart_and_relistings_link_to_their_own_title(string provider)
    {
        await using var harness = await StoreHarness.CreateAsync(provider);
        const string header = "title,company,location,url\n";
        var first = await ImportCsvAsync(harness, header +
            "Senior Backend Engineer,Acme,Berlin,https://acme.example/careers\n" +
            "Data Analyst,Acme,Berlin,https://acme.example/careers\n" +
            "Designer,Acme,Berlin,https://acme.example/careers#/job/7\n");
        var later = await ImportCsvAsync(harness, header +
            "Sr. Backend Engineer,\"Acme, Inc.\",Berlin,https://acme.example/careers?utm_source=newsletter\n" +
            "Support Lead,Acme,Berlin,https://acme.example/careers\n" +
            "Senior Designer,Acme,Berlin,https://acme.example/careers?gh_src=x#/job/7\n" +
            "Designer,Acme,Berlin,https://acme.example/careers#/job/8\n");

        Assert.Equal((3, 0), (first.Added, first.Duplicates));
        Assert.Equal((4, 2), (later.Added, later.Duplicates));
        var links = await harness.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await db.Set<PostingDuplicateLink>().AsNoTracking()
                .Join(db.Set<StoredPosting>(), l => l.PostingId, p => p.Id, (l, p) => new { p.Title, p.Company, l.CanonicalId })
                .Join(db.Set<StoredPosting>(), l => l.CanonicalId, p => p.Id, (l, p) => new { Duplicate = l.Company + "/" + l.Title, Canonical = p.Company + "/" + p.Title, p.CanonicalUrl })
                .ToListAsync();
        });
        Assert.Equal(
            ["Acme, Inc./Sr. Backend Engineer -> Acme/Senior Backend Engineer @ https://acme.example/careers", "Acme/Senior Designer -> Acme/Designer @ https://acme.example/careers#/job/7"],
            links.Select(l => $"{l.Duplicate} -> {l.Canonical} @ {l.CanonicalUrl}").Order(StringComparer.Ordinal));
    }

    private static Task<ImportSummary> ImportCsvAsync(StoreHarness harness, string csv) => harness.WithAsync(sp =>
        sp.GetRequiredService<JobIngestionStore>().SaveAsync(sp.GetRequiredService<JobIngestion>().ImportPayload(CsvFileSource.Kind, csv, null), default));

    private static JobPosting Posting(string id, string title, string company, string url, string place) => new()
    {
        SourceKind = CsvFileSource.Kind,
        ExternalId = id,
        Title = title,
        Company = company,
        Locations = [place],
        CanonicalUrl = UrlCanonicalizer.Canonicalize(new Uri(url)),
        Application = new ApplicationRoute(ApplicationType.Form, "test"),
    };
}
