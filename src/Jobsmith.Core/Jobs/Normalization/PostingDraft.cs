using System.Text.Json;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>
/// What a source read from its payload, before normalization. Sources fill what they have;
/// <see cref="JobPostingNormalizer"/> applies the same rules to every source.
/// </summary>
public sealed class PostingDraft
{
    public required string SourceKind { get; init; }
    public string? ExternalId { get; set; }
    public string? Title { get; set; }
    public string? Company { get; set; }
    public List<string> Locations { get; } = [];
    public string? Workplace { get; set; }
    public bool? RemoteFlag { get; set; }
    public string? EmploymentType { get; set; }
    public string? ExperienceLevel { get; set; }
    public SalaryRange? Salary { get; set; }
    public string? SalaryText { get; set; }
    public string? DescriptionHtml { get; set; }
    public string? DescriptionPlain { get; set; }
    public List<string> Requirements { get; } = [];
    public DateTimeOffset? PostedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public string? ApplyUrl { get; set; }
    public string? ApplyEmail { get; set; }
    public string? Url { get; set; }
    public List<string>? QuestionNames { get; set; }
    public bool EasyApply { get; set; }
    public JsonElement? Raw { get; set; }
}
