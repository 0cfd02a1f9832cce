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

    /// <summary>
    /// Whether a bullet reads as a statement of work ("Built a storage engine in Rust…") rather than a stray resume
    /// fragment the parser kept as a bullet (a year, a place, a heading, a link): at least four words, three of them
    /// lower-case prose and two of those longer than three letters, and no web address.
    /// </summary>
    public static bool IsStatement(string text)
    {
        var words = Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4 || words.Any(w => w.Contains("://", StringComparison.Ordinal) || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase))) return false;
        var prose = words.Where(w => char.IsLower(w[0])).ToList();
        return prose.Count >= 3 && prose.Count(w => w.Count(char.IsLetter) > 3) >= 2;
    }

    /// <summary>A fact's text without the bullet glyph or other symbols a resume put before it.</summary>
    public static string Clean(string text)
    {
        var t = text.Trim();
        var start = 0;
        while (start < t.Length && !char.IsLetterOrDigit(t[start]) && t[start] is not '(' and not '"' and not '\'' and not '$' and not '€' and not '£') start++;
        return t[start..].Trim();
    }

    public static string Period(ProfileFact? start, ProfileFact? end) =>
        start is null && end is null ? "" : $"{start?.Value ?? "?"} – {end?.Value ?? "?"}";
}
