using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Store;

/// <summary>
/// Rebuilds a <see cref="ParsedResume"/> from the current facts (corrections applied, deleted facts left out),
/// so completeness and the JSON Resume export reflect what the candidate confirmed, not only what was parsed.
/// </summary>
internal static class FactProfileBuilder
{
    private static readonly SourceSpan NoSpan = new(0, 0, 0, 0);

    public static ParsedResume Build(IEnumerable<ProfileFact> allFacts)
    {
        var facts = allFacts.Where(f => !f.Deleted).ToList();
        SourcedText? One(string kind) => facts.FirstOrDefault(f => f.Kind == kind) is { } f ? Text(f) : null;
        IEnumerable<ProfileFact> Many(string kind) => facts.Where(f => f.Kind == kind);

        var contact = new ContactInfo(One("name"), One("email"), One("phone"), One("location"),
            [.. Many("link").Select(f => new ProfileLink(Text(f)))]);
        var experience = Entries(facts, "experience.").Select(g =>
        {
            SourcedText? Get(string k) => g.FirstOrDefault(f => f.Kind == "experience." + k) is { } f ? Text(f) : null;
            var end = Get("end")?.Value;
            var current = string.Equals(end, "Present", StringComparison.OrdinalIgnoreCase);
            return new ExperienceEntry(Get("title"), Get("company"), Get("location"), Date(Get("start")?.Value), current ? null : Date(end),
                current, [.. g.Where(f => f.Kind == "experience.bullet").Select(Text)], g.First().Span ?? NoSpan);
        }).ToList();
        var education = Entries(facts, "education.").Select(g =>
        {
            SourcedText? Get(string k) => g.FirstOrDefault(f => f.Kind == "education." + k) is { } f ? Text(f) : null;
            return new EducationEntry(Get("degree"), Get("field"), Get("institution"), Date(Get("start")?.Value), Date(Get("end")?.Value), g.First().Span ?? NoSpan);
        }).ToList();
        var skills = Many("skill").Select(f => new ProfileSkill(Text(f))).ToList();
        var resume = new ParsedResume(new ExtractedText(ResumeFileKind.PlainText, ""), contact, [], experience, education, skills)
        {
            Headline = One("headline"),
            Summary = One("summary"),
            Projects = [.. Many("project").Select(f => new ProjectEntry(Text(f), f.Span ?? NoSpan))],
            Certifications = [.. Many("certification").Select(f => new CertificationEntry(Text(f), f.Span ?? NoSpan))],
            Languages = [.. Many("language").Select(f => new LanguageEntry(Text(f), null, f.Span ?? NoSpan))],
        };
        return resume with { Completeness = Analysis.CompletenessScorer.Score(resume) };
    }

    private static IEnumerable<List<ProfileFact>> Entries(List<ProfileFact> facts, string prefix) =>
        facts.Where(f => f.Kind.StartsWith(prefix, StringComparison.Ordinal) && f.Entry is not null)
             .GroupBy(f => f.Entry!.Value).OrderBy(g => g.Key).Select(g => g.ToList());

    private static SourcedText Text(ProfileFact f) => new(f.Value, f.Span ?? NoSpan);

    private static PartialDate? Date(string? value) => PartialDate.TryParseIso(value, out var d) ? d : null;
}
