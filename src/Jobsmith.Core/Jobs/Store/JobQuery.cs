namespace Jobsmith.Core.Jobs.Store;

/// <summary>Filters for the job list and search; null means "any". Validated by <see cref="Validate"/> before use.</summary>
public sealed record JobQuery
{
    public const int MaxPageSize = 100;

    public string? Title { get; init; }
    public string? Location { get; init; }
    public RemoteType? Remote { get; init; }
    public double? SalaryMin { get; init; }
    public string? Source { get; init; }
    public string? Text { get; init; }

    /// <summary>open (default), closed or all.</summary>
    public string Status { get; init; } = PostingStatus.Open;

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>From a previous page's <see cref="JobPage.NextCursor"/>: the page after it, whatever <see cref="Page"/> says.</summary>
    public string? Cursor { get; init; }

    /// <summary>Field name → message for every value out of range; empty when the query can run.</summary>
    public IDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page < 1) errors["page"] = ["page must be 1 or more."];
        if (PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        if (!string.IsNullOrWhiteSpace(Cursor) && !PageCursor.TryDecode(Cursor, out _)) errors["cursor"] = ["cursor is not one this list returned."];
        if (SalaryMin is < 0) errors["salaryMin"] = ["salaryMin must not be negative."];
        if (Status is not (PostingStatus.Open or PostingStatus.Closed or "all")) errors["status"] = ["status must be open, closed or all."];
        foreach (var (name, value) in new[] { ("title", Title), ("location", Location), ("source", Source), ("text", Text) })
            if (value is { Length: > 200 }) errors[name] = [$"{name} must be at most 200 characters."];
        return errors;
    }
}

public sealed record JobSummary(Guid Id, string SourceKind, string ExternalId, string Title, string Company, IReadOnlyList<string> Locations,
    string Remote, string Employment, string Seniority, double? SalaryMin, double? SalaryMax, string? SalaryCurrency, string? SalaryPeriod,
    DateTime? PostedAt, string Status, DateTime FirstSeenAt, DateTime LastSeenAt);

/// <summary>A page of the list; <see cref="NextCursor"/> (null on the last page) asks for the next one without an offset.</summary>
public sealed record JobPage(IReadOnlyList<JobSummary> Items, int Page, int PageSize, int Total, string? NextCursor = null);

/// <summary>One posting for display. <see cref="DescriptionMarkdown"/> is untrusted: render with HTML disabled.</summary>
public sealed record JobDetail(JobSummary Summary, string DescriptionText, string DescriptionMarkdown, IReadOnlyList<string> Requirements,
    IReadOnlyList<StoredSkill> Skills, DateTime? ExpiresAt, string? ApplyUrl, string? CanonicalUrl, string ApplicationType, string ApplicationRule,
    string? ClosedReason, DateTime? ClosedAt, Guid? DuplicateOf, IReadOnlyList<Guid> Duplicates);
