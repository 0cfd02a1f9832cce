using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Model;
using static Jobsmith.Core.Profiles.JsonResume.JsonResumeNodes;

namespace Jobsmith.Core.Profiles.JsonResume;

/// <summary>Maps a JSON Resume (jsonresume.org schema v1) onto the profile model, keeping what it does not model.</summary>
public sealed class JsonResumeImporter(TimeProvider timeProvider)
{
    internal static readonly string[] MappedKeys = ["basics", "work", "education", "skills", "languages", "projects", "certificates"];

    public ParsedResume Import(byte[] content)
    {
        var root = ParseRoot(content);
        var text = new ProvenanceTextBuilder();
        var sections = new List<ResumeSection>();
        var basics = Obj(root, "basics", "$") ?? [];
        var (contact, headline, summary) = JsonResumeBasics.Read(basics, text);

        var experience = Section(text, sections, ResumeSectionKind.Experience, "Experience",
            () => Objects(root, "work", "$").Select(w => JsonResumeSections.Work(w.Item, w.Path, text)).ToList());
        var education = Section(text, sections, ResumeSectionKind.Education, "Education",
            () => Objects(root, "education", "$").Select(e => JsonResumeSections.Education(e.Item, e.Path, text)).ToList());
        var skills = Section(text, sections, ResumeSectionKind.Skills, "Skills",
            () => Objects(root, "skills", "$").SelectMany(s => JsonResumeSections.Skills(s.Item, s.Path, text)).ToList());
        var projects = Section(text, sections, ResumeSectionKind.Projects, "Projects",
            () => Objects(root, "projects", "$").Select(p => JsonResumeSections.Project(p.Item, p.Path, text)).ToList());
        var certificates = Section(text, sections, ResumeSectionKind.Certifications, "Certificates",
            () => Objects(root, "certificates", "$").Select(c => JsonResumeSections.Certificate(c.Item, c.Path, text)).ToList());
        var languages = Section(text, sections, ResumeSectionKind.Languages, "Languages",
            () => Objects(root, "languages", "$").Select(l => JsonResumeSections.Language(l.Item, l.Path, text)).ToList());

        var resume = new ParsedResume(text.Build(), contact, sections, experience, education, skills)
        {
            Headline = headline,
            Summary = summary,
            Projects = projects,
            Certifications = certificates,
            Languages = languages,
            TotalYearsOfExperience = ExperienceYears.Total(experience, timeProvider.GetUtcNow()),
            UnmappedJsonResume = Unmapped(root),
        };
        return resume with { Completeness = CompletenessScorer.Score(resume) };
    }

    private static List<T> Section<T>(ProvenanceTextBuilder text, List<ResumeSection> sections, ResumeSectionKind kind, string heading, Func<List<T>> read)
    {
        var start = text.Here;
        var section = text.Heading(kind, heading);
        var items = read();
        sections.Add(section with { Source = text.Since(start) });
        return items;
    }

    private static JsonObject? Unmapped(JsonObject root)
    {
        var rest = new JsonObject();
        foreach (var (key, value) in root)
            if (!MappedKeys.Contains(key)) rest[key] = value?.DeepClone();
        return rest.Count > 0 ? rest : null;
    }
}
