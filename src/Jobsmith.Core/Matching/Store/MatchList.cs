using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>Which of the candidate's matches the workspace lists. Rated and dismissed ones are out of the default view.</summary>
public sealed record MatchListQuery
{
    public const int MaxPageSize = 100;
    public static readonly IReadOnlyList<string> Views = ["new", "saved", "rated", "dismissed", "all"];
    public static readonly IReadOnlyList<string> Sorts = ["score", "newest", "salary", "company"];

    public string View { get; init; } = "new";
    public string Sort { get; init; } = "score";
    public string? Remote { get; init; }
    public string? Company { get; init; }
    public int MinScore { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

/// <summary>One row of the workspace list, with the posting fields the list shows and filters on.</summary>
public sealed record MatchListItem(Guid PostingId, string Title, string Company, IReadOnlyList<string> Locations, string Remote,
    double? SalaryMin, double? SalaryMax, string? SalaryCurrency, string? SalaryPeriod, DateTime? PostedAt,
    int Score, MatchReasons Reasons, DateTime ShownAt, DateTime? SavedAt, DateTime? DismissedAt, FeedbackView? Feedback);

public sealed record MatchListPage(IReadOnlyList<MatchListItem> Items, int Page, int PageSize, int Total);

/// <summary>The matches workspace's list: filtered, sorted and paged in the database, one candidate's rows only.</summary>
public sealed class MatchList(AppDbContext db)
{
    public async Task<MatchListPage> PageAsync(string userId, MatchListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rated = db.Set<MatchFeedback>().Where(f => f.UserId == userId).Select(f => f.PostingId);
        var rows =
            from m in db.Set<StoredMatch>().AsNoTracking().Where(m => m.UserId == userId)
            join p in db.Set<StoredPosting>().AsNoTracking() on m.PostingId equals p.Id
            select new { m, p };
        rows = query.View switch
        {
            "saved" => rows.Where(r => r.m.SavedAt != null && r.m.DismissedAt == null),
            "rated" => rows.Where(r => rated.Contains(r.m.PostingId)),
            "dismissed" => rows.Where(r => r.m.DismissedAt != null),
            "all" => rows,
            _ => rows.Where(r => r.m.DismissedAt == null && !rated.Contains(r.m.PostingId)),
        };
        if (!string.IsNullOrWhiteSpace(query.Remote)) rows = rows.Where(r => r.p.Remote == query.Remote);
        if (!string.IsNullOrWhiteSpace(query.Company))
        {
            var company = query.Company.Trim().ToLowerInvariant();
            // ToLower().Contains translates to lower(...) LIKE on both providers; the StringComparison overloads do not.
#pragma warning disable CA1862
            rows = rows.Where(r => r.p.Company.ToLower().Contains(company));
#pragma warning restore CA1862
        }
        if (query.MinScore > 0) rows = rows.Where(r => r.m.Score >= query.MinScore);
        var total = await rows.CountAsync(cancellationToken);
        rows = query.Sort switch
        {
            "newest" => rows.OrderByDescending(r => r.m.ShownAt).ThenByDescending(r => r.m.Score),
            "salary" => rows.OrderByDescending(r => r.p.SalaryMax ?? r.p.SalaryMin ?? -1).ThenByDescending(r => r.m.Score),
            "company" => rows.OrderBy(r => r.p.Company).ThenByDescending(r => r.m.Score),
            _ => rows.OrderByDescending(r => r.m.Score).ThenByDescending(r => r.m.ShownAt),
        };
        var size = Math.Clamp(query.PageSize, 1, MatchListQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var ids = await rows.Skip((page - 1) * size).Take(size).Select(r => r.m.PostingId).ToListAsync(cancellationToken);
        var items = await ReadAsync(userId, ids, cancellationToken);
        return new MatchListPage(items, page, size, total);
    }

    /// <summary>One of the candidate's matches, whatever its view; null when they have none for that posting.</summary>
    public async Task<MatchListItem?> GetAsync(string userId, Guid postingId, CancellationToken cancellationToken) =>
        await ReadAsync(userId, [postingId], cancellationToken) is { Count: > 0 } found ? found[0] : null;

    // Reads the picked matches with the posting fields and the candidate's feedback, in the order of the ids given.
    private async Task<IReadOnlyList<MatchListItem>> ReadAsync(string userId, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in db.Set<StoredMatch>().Where(m => m.UserId == userId && ids.Contains(m.PostingId))
            join p in db.Set<StoredPosting>() on m.PostingId equals p.Id
            select new
            {
                m.PostingId, p.Title, p.Company, p.LocationsJson, p.Remote, p.SalaryMin, p.SalaryMax, p.SalaryCurrency, p.SalaryPeriod,
                p.PostedAt, m.Score, m.ReasonsJson, m.ShownAt, m.SavedAt, m.DismissedAt,
            }).AsNoTracking().ToListAsync(cancellationToken);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var feedback = (await db.Set<MatchFeedback>().AsNoTracking().Where(f => f.UserId == userId && ids.Contains(f.PostingId)).ToListAsync(cancellationToken))
            .GroupBy(f => f.PostingId).ToDictionary(g => g.Key, g => FeedbackView.From(g.OrderByDescending(f => f.CreatedAt).First()));
        return [.. rows.OrderBy(r => order[r.PostingId]).Select(r => new MatchListItem(r.PostingId, r.Title, r.Company, PostingMapper.Strings(r.LocationsJson), r.Remote,
            r.SalaryMin, r.SalaryMax, r.SalaryCurrency, r.SalaryPeriod, r.PostedAt, r.Score,
            JsonSerializer.Deserialize<MatchReasons>(r.ReasonsJson, CandidateMatchInputs.Json) ?? new MatchReasons([], [], [], []),
            r.ShownAt, r.SavedAt, r.DismissedAt, feedback.GetValueOrDefault(r.PostingId)))];
    }
}
