using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.JsonResume;

internal static class JsonResumeSectionWriter
{
    public static JsonObject Work(ExperienceEntry e) => new JsonFields()
        .Set("name", e.Company?.Value).Set("location", e.Location?.Value).Set("description", e.Description)
        .Set("position", e.Title?.Value).Set("url", e.Url).Set("startDate", e.Start).Set("endDate", e.End)
        .Set("summary", e.Summary).Set("highlights", e.Bullets.Select(b => b.Value).ToList()).Object;

    public static JsonObject Education(EducationEntry e) => new JsonFields()
        .Set("institution", e.Institution?.Value).Set("url", e.Url).Set("area", e.Field?.Value)
        .Set("studyType", e.Degree?.Value).Set("startDate", e.Start).Set("endDate", e.End)
        .Set("score", e.Score).Set("courses", e.Courses).Object;

    /// <summary>Group entries (no Group) become JSON Resume skills; keywords join their group, loose phrases get their own.</summary>
    public static IEnumerable<JsonObject> Skills(IReadOnlyList<ProfileSkill> skills)
    {
        var groups = skills.Where(s => s.Group is null).ToList();
        var groupNames = groups.Select(g => g.Name.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var keywords = skills.Where(s => s.Group == group.Name.Value).Select(s => s.Name.Value).ToList();
            yield return new JsonFields().Set("name", group.Name.Value).Set("level", group.Level).Set("keywords", keywords).Object;
        }
        foreach (var orphans in skills.Where(s => s.Group is not null && !groupNames.Contains(s.Group)).GroupBy(s => s.Group!))
            yield return new JsonFields().Set("name", orphans.Key).Set("keywords", orphans.Select(s => s.Name.Value).ToList()).Object;
    }

    public static JsonObject Language(LanguageEntry l) => new JsonFields().Set("language", l.Language.Value).Set("fluency", l.Fluency).Object;

    public static JsonObject Project(ProjectEntry p) => new JsonFields()
        .Set("name", p.Name.Value).Set("description", p.Description).Set("highlights", p.Highlights).Set("keywords", p.Keywords)
        .Set("startDate", p.Start).Set("endDate", p.End).Set("url", p.Url).Set("roles", p.Roles)
        .Set("entity", p.Entity).Set("type", p.Type).Object;

    public static JsonObject Certificate(CertificationEntry c) => new JsonFields()
        .Set("name", c.Name.Value).Set("date", c.Date).Set("issuer", c.Issuer).Set("url", c.Url).Object;
}
