using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles.Model;
using static Jobsmith.Core.Profiles.JsonResume.JsonResumeNodes;

namespace Jobsmith.Core.Profiles.JsonResume;

internal static class JsonResumeSections
{
    public static ExperienceEntry Work(JsonObject work, string path, ProvenanceTextBuilder text)
    {
        var start = text.Here;
        var title = text.Add(Str(work, "position", path));
        var company = text.Add(Str(work, "name", path));
        var location = text.Add(Str(work, "location", path));
        var (from, to) = (Date(work, "startDate", path), Date(work, "endDate", path));
        var period = text.Add(Period(from, to, work.ContainsKey("startDate")));
        var description = Str(work, "description", path);
        var summary = Str(work, "summary", path);
        text.Add(description);
        text.Add(summary);
        var bullets = Strings(work, "highlights", path).Select(h => text.Add(h, "• ")!).ToList();
        // JSON Resume leaves endDate out for a job that is still going on.
        return new ExperienceEntry(title, company, location, from, to, from is not null && to is null, bullets, text.Since(start))
        {
            Period = period, Url = Str(work, "url", path), Summary = summary, Description = description,
        };
    }

    public static EducationEntry Education(JsonObject education, string path, ProvenanceTextBuilder text)
    {
        var start = text.Here;
        var degree = text.Add(Str(education, "studyType", path));
        var field = text.Add(Str(education, "area", path));
        var institution = text.Add(Str(education, "institution", path));
        var (from, to) = (Date(education, "startDate", path), Date(education, "endDate", path));
        var period = text.Add(Period(from, to, false));
        var score = Str(education, "score", path);
        text.Add(score, "Score: ");
        var courses = Strings(education, "courses", path);
        foreach (var course in courses) text.Add(course, "• ");
        return new EducationEntry(degree, field, institution, from, to, text.Since(start))
        {
            Period = period, Url = Str(education, "url", path), Score = score, Courses = courses,
        };
    }

    public static IEnumerable<ProfileSkill> Skills(JsonObject skill, string path, ProvenanceTextBuilder text)
    {
        var group = Str(skill, "name", path);
        var level = Str(skill, "level", path);
        var keywords = Strings(skill, "keywords", path);
        var groupText = text.Add(group ?? "", "");
        var skills = new List<ProfileSkill> { new(groupText!) { Level = level } };
        skills.AddRange(keywords.Select(k => new ProfileSkill(text.Add(k, "• ")!) { Group = group ?? "" }));
        return skills;
    }

    public static ProjectEntry Project(JsonObject project, string path, ProvenanceTextBuilder text)
    {
        var start = text.Here;
        var name = text.Add(Str(project, "name", path) ?? "")!;
        var description = Str(project, "description", path);
        text.Add(description);
        var highlights = Strings(project, "highlights", path);
        foreach (var h in highlights) text.Add(h, "• ");
        return new ProjectEntry(name, text.Since(start))
        {
            Description = description, Highlights = highlights, Keywords = Strings(project, "keywords", path),
            Roles = Strings(project, "roles", path), Start = Date(project, "startDate", path), End = Date(project, "endDate", path),
            Url = Str(project, "url", path), Entity = Str(project, "entity", path), Type = Str(project, "type", path),
        };
    }

    public static CertificationEntry Certificate(JsonObject certificate, string path, ProvenanceTextBuilder text)
    {
        var start = text.Here;
        var name = text.Add(Str(certificate, "name", path) ?? "")!;
        var issuer = Str(certificate, "issuer", path);
        text.Add(issuer);
        return new CertificationEntry(name, text.Since(start))
        {
            Date = Date(certificate, "date", path), Issuer = issuer, Url = Str(certificate, "url", path),
        };
    }

    public static LanguageEntry Language(JsonObject language, string path, ProvenanceTextBuilder text)
    {
        var start = text.Here;
        var name = text.Add(Str(language, "language", path) ?? "")!;
        var fluency = Str(language, "fluency", path);
        text.Add(fluency);
        return new LanguageEntry(name, fluency, text.Since(start));
    }

    private static string? Period(PartialDate? from, PartialDate? to, bool ongoingWhenOpen) =>
        from is null && to is null ? null : $"{from?.ToString() ?? "?"} – {to?.ToString() ?? (ongoingWhenOpen ? "Present" : "?")}";
}
