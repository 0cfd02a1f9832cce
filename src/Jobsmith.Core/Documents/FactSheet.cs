using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Documents;

/// <summary>A candidate's live (not deleted) facts, grouped the way the document engines read them.</summary>
public sealed class FactSheet
{
    public sealed record Entry(int Index, ProfileFact? Title, ProfileFact? Company, ProfileFact? Location, ProfileFact? Start, ProfileFact? End, IReadOnlyList<ProfileFact> Bullets)
    {
        public IEnumerable<ProfileFact> Header => new[] { Title, Company, Location, Start, End }.OfType<ProfileFact>();
    }

    public sealed record School(int Index, ProfileFact? Degree, ProfileFact? Field, ProfileFact? Institution, ProfileFact? Start, ProfileFact? End)
    {
        public IEnumerable<ProfileFact> All => new[] { Degree, Field, Institution, Start, End }.OfType<ProfileFact>();
    }

    public IReadOnlyList<ProfileFact> Facts { get; }
    public IReadOnlyList<Entry> Jobs { get; }
    public IReadOnlyList<School> Schools { get; }

    public FactSheet(IEnumerable<ProfileFact> facts)
    {
        Facts = [.. facts.Where(f => !f.Deleted && !string.IsNullOrWhiteSpace(f.Value))];
        Jobs = [.. Facts.Where(f => f.Kind.StartsWith("experience.", StringComparison.Ordinal) && f.Entry is not null)
            .GroupBy(f => f.Entry!.Value).OrderBy(g => g.Key)
            .Select(g => new Entry(g.Key, One(g, "experience.title"), One(g, "experience.company"), One(g, "experience.location"),
                One(g, "experience.start"), One(g, "experience.end"), [.. g.Where(f => f.Kind == "experience.bullet")]))];
        Schools = [.. Facts.Where(f => f.Kind.StartsWith("education.", StringComparison.Ordinal) && f.Entry is not null)
            .GroupBy(f => f.Entry!.Value).OrderBy(g => g.Key)
            .Select(g => new School(g.Key, One(g, "education.degree"), One(g, "education.field"), One(g, "education.institution"),
                One(g, "education.start"), One(g, "education.end")))];
    }

    public ProfileFact? First(string kind) => Facts.FirstOrDefault(f => f.Kind == kind);
    public IEnumerable<ProfileFact> All(string kind) => Facts.Where(f => f.Kind == kind);

    /// <summary>Evidence the checker reads: every live fact by id, plus the posting's title and company.</summary>
    public Dictionary<string, string> Evidence(PostingTarget posting)
    {
        var evidence = Facts.ToDictionary(f => f.Id, f => f.Value, StringComparer.Ordinal);
        evidence[PostingTitle] = posting.Title;
        evidence[PostingCompany] = posting.Company;
        return evidence;
    }

    public const string PostingTitle = ProvenanceChecker.PostingPrefix + "title";
    public const string PostingCompany = ProvenanceChecker.PostingPrefix + "company";

    private static ProfileFact? One(IEnumerable<ProfileFact> facts, string kind) => facts.FirstOrDefault(f => f.Kind == kind);

    /// <summary>"Title, Company" or whichever of the two the profile has.</summary>
    public static string RoleText(Entry job) => string.Join(", ", new[] { job.Title?.Value, job.Company?.Value }.Where(v => !string.IsNullOrWhiteSpace(v)));

    public static string Period(ProfileFact? start, ProfileFact? end) =>
        start is null && end is null ? "" : $"{start?.Value ?? "?"} – {end?.Value ?? "?"}";
}
