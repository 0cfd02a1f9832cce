using System.Text.Json;
using System.Text.Json.Serialization;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles;

/// <summary>The <c>jobsmith profile parse --json</c> contract (ARCHITECTURE.md): exactly these fields, camelCase.</summary>
public static class ProfileJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ParsedResume resume) => JsonSerializer.Serialize(ToContract(resume), Options);

    internal static ProfileContract ToContract(ParsedResume r)
    {
        var links = new List<string>();
        if (r.Contact.WebsiteUrl is { Length: > 0 } website) links.Add(website);
        links.AddRange(r.Contact.Links.Select(l => l.Url.Value).Where(u => u.Length > 0 && !links.Contains(u)));
        return new ProfileContract(
            r.Contact.Name?.Value, r.Contact.Email?.Value, r.Contact.Phone?.Value, r.Contact.Location?.Value, links,
            r.Summary?.Value,
            r.Experience.Select(e => new ExperienceContract(e.Title?.Value, e.Company?.Value, e.Location?.Value,
                e.Start?.ToString(), e.IsCurrent ? "Present" : e.End?.ToString(), e.Bullets.Select(b => b.Value).ToList())).ToList(),
            r.Education.Select(e => new EducationContract(e.Degree?.Value, e.Field?.Value, e.Institution?.Value,
                e.Start?.ToString(), e.End?.ToString())).ToList(),
            r.Skills.Select(s => new SkillContract(s.Name.Value, s.Canonical, s.Category)).ToList(),
            new CompletenessContract(r.Completeness.Score, r.Completeness.Missing));
    }

    internal sealed record ProfileContract(
        string? Name, string? Email, string? Phone, string? Location, IReadOnlyList<string> Links, string? Summary,
        IReadOnlyList<ExperienceContract> Experience, IReadOnlyList<EducationContract> Education,
        IReadOnlyList<SkillContract> Skills, CompletenessContract Completeness);

    internal sealed record ExperienceContract(string? Title, string? Company, string? Location, string? Start, string? End, IReadOnlyList<string> Bullets);

    internal sealed record EducationContract(string? Degree, string? Field, string? Institution, string? Start, string? End);

    internal sealed record SkillContract(string Name, string? Canonical, string? Category);

    internal sealed record CompletenessContract(int Score, IReadOnlyList<string> Missing);
}
