using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Profiles.Review;

public sealed record ReviewFact(ProfileFact Fact, string Label, Certainty Certainty);

/// <summary>One editable card: a job with its bullets, a degree, the contact details or the skills.</summary>
public sealed record ReviewCard(string Key, string Title, string? Subtitle, IReadOnlyList<ReviewFact> Fields, IReadOnlyList<ReviewFact> Items)
{
    public int ToCheck => Fields.Concat(Items).Count(f => f.Certainty.NeedsCheck);
}

public sealed record ReviewSection(string Key, string Title, IReadOnlyList<ReviewCard> Cards)
{
    public int ToCheck => Cards.Sum(c => c.ToCheck);
}

/// <summary>
/// The profile review (B2): facts grouped the way a resume reads (contact, each job with its bullets, education,
/// skills, the rest), least certain first within each card so the candidate's attention goes where it is needed.
/// </summary>
public static class ProfileReview
{
    private static readonly string[] ContactKinds = ["name", "headline", "email", "phone", "location", "link", "summary"];
    private static readonly string[] OtherKinds = ["project", "certification", "language"];

    public static IReadOnlyList<ReviewSection> Build(IReadOnlyList<ProfileFact> facts)
    {
        var live = facts.Where(f => !f.Deleted).ToList();
        var sections = new List<ReviewSection>();
        var contact = live.Where(f => ContactKinds.Contains(f.Kind)).ToList();
        if (contact.Count > 0) sections.Add(new("contact", "Contact and summary", [new("contact", "Contact details", null, Rated(contact), [])]));
        var jobs = Entries(live, "experience.").Select(g => Card($"job-{g.Key}", g.ToList(), "experience.title", "experience.company", "experience.bullet", "Job")).ToList();
        if (jobs.Count > 0) sections.Add(new("experience", "Work experience", jobs));
        var schools = Entries(live, "education.").Select(g => Card($"education-{g.Key}", g.ToList(), "education.degree", "education.institution", null, "Education")).ToList();
        if (schools.Count > 0) sections.Add(new("education", "Education", schools));
        var skills = live.Where(f => f.Kind == "skill").ToList();
        if (skills.Count > 0) sections.Add(new("skills", "Skills", [new("skills", "Skills", $"{skills.Count} skills", [], Rated(skills))]));
        var other = live.Where(f => OtherKinds.Contains(f.Kind)).ToList();
        if (other.Count > 0) sections.Add(new("other", "Projects, certifications and languages", [new("other", "More from your resume", null, [], Rated(other))]));
        return sections;
    }

    /// <summary>What a fact is called on its card ("Title", "Start", "Skill").</summary>
    public static string Label(ProfileFact fact) => fact.Kind switch
    {
        "link" => "Link",
        "experience.title" => "Title",
        "experience.company" => "Employer",
        "experience.location" or "location" => "Location",
        "experience.start" or "education.start" => "Start",
        "experience.end" => "End",
        "education.end" => "Graduated",
        "experience.bullet" => "Achievement",
        "education.degree" => "Degree",
        "education.field" => "Field",
        "education.institution" => "School",
        var kind => char.ToUpperInvariant(kind[0]) + kind[1..],
    };

    private static IEnumerable<IGrouping<int, ProfileFact>> Entries(List<ProfileFact> facts, string prefix) =>
        facts.Where(f => f.Kind.StartsWith(prefix, StringComparison.Ordinal) && f.Entry is not null).GroupBy(f => f.Entry!.Value).OrderBy(g => g.Key);

    private static ReviewCard Card(string key, List<ProfileFact> facts, string titleKind, string subtitleKind, string? itemKind, string fallback)
    {
        var title = facts.FirstOrDefault(f => f.Kind == titleKind)?.Value ?? fallback;
        var subtitle = facts.FirstOrDefault(f => f.Kind == subtitleKind)?.Value;
        return new(key, title, subtitle, Rated(facts.Where(f => f.Kind != itemKind)), Rated(facts.Where(f => f.Kind == itemKind)));
    }

    // Least certain first; equally certain facts keep the resume's order (OrderBy is stable).
    private static List<ReviewFact> Rated(IEnumerable<ProfileFact> facts) =>
        [.. facts.Select(f => new ReviewFact(f, Label(f), FactCertainty.Of(f))).OrderBy(f => f.Certainty.Score)];
}
