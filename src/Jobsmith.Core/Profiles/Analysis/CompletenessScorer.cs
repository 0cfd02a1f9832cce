using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Profile completeness 0-100. The weights live here and only here; they sum to 100 and favour what
/// matching and tailoring need most (work history, skills, education) over nice-to-haves.
/// </summary>
public static class CompletenessScorer
{
    public static readonly IReadOnlyList<(string Item, int Weight)> Weights =
    [
        ("name", 10), ("email", 10), ("phone", 5), ("location", 5), ("links", 5),
        ("summary", 10), ("experience", 25), ("education", 15), ("skills", 15),
    ];

    /// <summary>A skills list shorter than this is too thin to match jobs on.</summary>
    public const int MinSkills = 3;

    public static Completeness Score(ParsedResume resume)
    {
        var missing = Weights.Where(w => !Has(resume, w.Item)).ToList();
        return new Completeness(100 - missing.Sum(m => m.Weight), missing.Select(m => m.Item).ToList());
    }

    private static bool Has(ParsedResume resume, string item) => item switch
    {
        "name" => resume.Contact.Name is not null,
        "email" => resume.Contact.Email is not null,
        "phone" => resume.Contact.Phone is not null,
        "location" => resume.Contact.Location is not null || resume.Contact.Address?.City is not null,
        "links" => resume.Contact.Links.Count > 0,
        "summary" => resume.Summary is not null,
        "experience" => resume.Experience.Any(e => e.Title is not null && (e.Company is not null || e.Start is not null)),
        "education" => resume.Education.Count > 0,
        "skills" => resume.Skills.Count >= MinSkills,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "unknown completeness item"),
    };
}
