using System.Text.Json;

namespace Jobsmith.Core.Jobs;

/// <summary>
/// One normalized job posting, whatever source it came from. <see cref="Raw"/> keeps the source's own
/// record so nothing is lost when normalization improves later.
/// </summary>
public sealed record JobPosting
{
    public required string SourceKind { get; init; }
    public required string ExternalId { get; init; }
    public required string Title { get; init; }
    public required string Company { get; init; }
    public IReadOnlyList<string> Locations { get; init; } = [];
    public RemoteType Remote { get; init; } = RemoteType.Unknown;
    public EmploymentType Employment { get; init; } = EmploymentType.Unknown;
    public Seniority Seniority { get; init; } = Seniority.Unknown;
    public SalaryRange? Salary { get; init; }
    public PostingDescription Description { get; init; } = PostingDescription.Empty;
    public IReadOnlyList<string> Requirements { get; init; } = [];
    public DateTimeOffset? PostedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public Uri? ApplyUrl { get; init; }
    public Uri? CanonicalUrl { get; init; }
    public required ApplicationRoute Application { get; init; }
    public JsonElement? Raw { get; init; }

    /// <summary>Stable identity within Jobsmith: the same source never reuses an id for another job.</summary>
    public string Key => $"{SourceKind}:{ExternalId}";
}

public enum RemoteType { Unknown, Onsite, Hybrid, Remote }

public enum EmploymentType { Unknown, FullTime, PartTime, Contract, Temporary, Internship, Freelance }

public enum Seniority { Unknown, Intern, Junior, Mid, Senior, Staff, Principal, Lead, Manager, Director, Executive }

public enum ApplicationType { EasyApply, Form, Email, Complex }

/// <summary>How to apply, and which rule decided it (so the decision can be explained and audited).</summary>
public sealed record ApplicationRoute(ApplicationType Type, string Rule)
{
    /// <summary>The wire name used by the CLI and API: easy_apply, form, email, complex.</summary>
    public string WireName => Type switch
    {
        ApplicationType.EasyApply => "easy_apply",
        ApplicationType.Form => "form",
        ApplicationType.Email => "email",
        _ => "complex",
    };
}

/// <summary>
/// The posting text in two forms: <see cref="Text"/> for search and matching, <see cref="Markdown"/> for display
/// (rendered with HTML disabled, so posting markup can never reach a page). Markdown is rendered on first use:
/// most ingested postings are filtered out before anyone looks at them.
/// </summary>
public sealed class PostingDescription
{
    private readonly Normalization.BlockSpan[]? _layout;
    private string? _markdown;

    public PostingDescription(string text, string markdown)
    {
        Text = text;
        _markdown = markdown;
    }

    internal PostingDescription(IReadOnlyList<Normalization.TextBlock> blocks)
    {
        Text = Normalization.TextBlocks.RenderText(blocks);
        _layout = Normalization.TextBlocks.Layout(blocks);
    }

    internal PostingDescription(string text, Normalization.BlockSpan[] layout)
    {
        Text = text;
        _layout = layout;
    }

    public static PostingDescription Empty { get; } = new(string.Empty, string.Empty);

    public string Text { get; }

    /// <summary>Kinds and ranges in <see cref="Text"/> of the blocks it was rendered from (empty when built from text and Markdown).</summary>
    internal ReadOnlySpan<Normalization.BlockSpan> Layout => _layout;

    public string Markdown => _markdown ??= Normalization.TextBlocks.RenderMarkdown(Text, _layout ?? []);

    public override string ToString() => Text;
}
