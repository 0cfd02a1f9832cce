using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>A skill found at ingest; offsets are into the posting's description text.</summary>
public sealed record StoredSkill(string Text, int Start, int End, string Canonical, string SkillId, string Category);

/// <summary>Copies a normalized posting onto its row. Skills are re-extracted only when the content changed.</summary>
internal static class PostingMapper
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Hash(JobPosting p)
    {
        var content = string.Join('\u001f', p.Title, p.Company, string.Join('\u001e', p.Locations), p.Remote, p.Employment, p.Seniority,
            p.Salary?.ToString() ?? "", p.Description.Text, string.Join('\u001e', p.Requirements), p.PostedAt?.ToString("O") ?? "",
            p.ExpiresAt?.ToString("O") ?? "", p.ApplyUrl?.AbsoluteUri ?? "", p.CanonicalUrl?.AbsoluteUri ?? "", p.Application.WireName);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Returns false when the stored content was already identical (only the seen time moves).</summary>
    public static bool Apply(StoredPosting row, JobPosting p, string hash, string? feed)
    {
        if (feed is not null) row.Feed = feed;
        if (row.ContentHash == hash) return false;
        row.SourceKind = p.SourceKind;
        row.ExternalId = p.ExternalId.Truncate(300);
        row.Title = p.Title.Truncate(500);
        row.Company = p.Company.Truncate(300);
        row.LocationsJson = JsonSerializer.Serialize(p.Locations, Json);
        row.Remote = p.Remote.ToString();
        row.Employment = p.Employment.ToString();
        row.Seniority = p.Seniority.ToString();
        row.SalaryMin = p.Salary?.Min is { } min ? (double)min : null;
        row.SalaryMax = p.Salary?.Max is { } max ? (double)max : null;
        row.SalaryCurrency = p.Salary?.Currency is { } c ? c.Truncate(10) : null;
        row.SalaryPeriod = p.Salary?.Period.ToString();
        row.DescriptionText = p.Description.Text;
        row.DescriptionMarkdown = p.Description.Markdown;
        row.RequirementsJson = JsonSerializer.Serialize(p.Requirements, Json);
        row.SkillsJson = JsonSerializer.Serialize(Skills(p.Description.Text), Json);
        row.PostedAt = p.PostedAt?.UtcDateTime;
        row.ExpiresAt = p.ExpiresAt?.UtcDateTime;
        row.ApplyUrl = p.ApplyUrl is { } apply ? apply.AbsoluteUri.Truncate(2000) : null;
        row.CanonicalUrl = p.CanonicalUrl is { } canonical ? canonical.AbsoluteUri.Truncate(2000) : null;
        row.ApplicationType = p.Application.WireName;
        row.ApplicationRule = p.Application.Rule.Truncate(200);
        row.RawJson = p.Raw?.GetRawText();
        row.ContentHash = hash;
        return true;
    }

    public static IReadOnlyList<StoredSkill> Skills(string text) =>
        [.. SkillExtractor.Default.Extract(text).Select(m => new StoredSkill(m.Text, m.Start, m.End, m.Canonical, m.SkillId, m.Category.ToString()))];

    public static IReadOnlyList<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];

    public static IReadOnlyList<StoredSkill> ReadSkills(string json) => JsonSerializer.Deserialize<List<StoredSkill>>(json, Json) ?? [];
}
