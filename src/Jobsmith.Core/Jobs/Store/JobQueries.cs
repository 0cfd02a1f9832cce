using System.Data.Common;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>
/// Reads stored postings for the API, pages and CLI. Title and location filters are case-insensitive substring matches;
/// text goes through the full-text index. Lists read only the columns a summary shows, in (first seen, id) order from
/// an index, one page at a time: by page number, or after a <see cref="PageCursor"/> without skipping rows. A page asked
/// again is answered from <see cref="JobListCache"/> until postings change.
/// </summary>
public sealed class JobQueries(AppDbContext db, JobListCounts counts, JobListCache cache)
{
    public async Task<JobPage> SearchAsync(JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = string.Join('\u001f', CountKey(query), query.Page, query.PageSize, query.Cursor?.Trim());
        if (cache.TryGet(key, out var cached)) return cached;
        // Taken before the read: a write committed while it runs makes this page one the cache will not serve.
        var version = cache.Version;
        var page = await ReadAsync(query, cancellationToken);
        cache.Keep(key, version, page);
        return page;
    }

    private async Task<JobPage> ReadAsync(JobQuery query, CancellationToken cancellationToken)
    {
        var rows = Filtered(query);
        var total = await counts.CountAsync(CountKey(query), () => rows.CountAsync(cancellationToken));
        // One row more than the page tells whether a next page exists without another count.
        var items = await PageRows(query, rows).ToListAsync(cancellationToken);
        var next = items.Count > query.PageSize ? new PageCursor(items[query.PageSize - 1].FirstSeenAt, items[query.PageSize - 1].Id).Encode() : null;
        return new JobPage([.. items.Take(query.PageSize).Select(Summary)], query.Page, query.PageSize, total, next);
    }

    private IQueryable<ListRow> PageRows(JobQuery query, IQueryable<StoredPosting> rows)
    {
        var ordered = Newest(rows);
        if (PageCursor.TryDecode(query.Cursor, out var after))
            // The first condition repeats what the second implies so that both databases can start the index scan at the
            // cursor; PostgreSQL cannot make an index range out of the OR alone and walked every newer posting to get there.
            return Project(ordered.Where(p => p.FirstSeenAt <= after.FirstSeenAt
                && (p.FirstSeenAt < after.FirstSeenAt || (p.FirstSeenAt == after.FirstSeenAt && p.Id.CompareTo(after.Id) < 0))).Take(query.PageSize + 1));
        if (query.Page == 1) return Project(ordered.Take(query.PageSize + 1));
        // Deep pages by number: the rows skipped are counted off the (status, first seen, id) index alone, and only the
        // page's own rows are read from the table, instead of reading every skipped posting.
        var ids = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize + 1).Select(p => p.Id);
        return Project(Newest(db.Set<StoredPosting>().AsNoTracking().Where(p => ids.Contains(p.Id))));
    }

    private static IOrderedQueryable<StoredPosting> Newest(IQueryable<StoredPosting> rows) =>
        rows.OrderByDescending(p => p.FirstSeenAt).ThenByDescending(p => p.Id);

    /// <summary>The list's SQL for a query, so tests can see which columns it reads.</summary>
    internal string ListSql(JobQuery query) => PageRows(query, Filtered(query)).ToQueryString();

    /// <summary>The list's command with its parameters, so tests can ask the database for its plan.</summary>
    internal DbCommand ListCommand(JobQuery query) => PageRows(query, Filtered(query)).CreateDbCommand();

    // ToLower().Contains translates to lower(...) LIKE on both providers; the StringComparison overloads do not translate.
#pragma warning disable CA1862
    private IQueryable<StoredPosting> Filtered(JobQuery query)
    {
        var rows = (Lower(query.Text) is { } text ? PostingTextSearch.Matching(db, text) : null) ?? db.Set<StoredPosting>();
        rows = rows.AsNoTracking();
        if (query.Status != "all") rows = rows.Where(p => p.Status == query.Status);
        if (Lower(query.Title) is { } title) rows = rows.Where(p => p.Title.ToLower().Contains(title));
        if (Lower(query.Location) is { } location) rows = rows.Where(p => p.LocationsJson.ToLower().Contains(location));
        if (query.Remote is { } remote) rows = rows.Where(p => p.Remote == remote.ToString());
        if (Lower(query.Source) is { } source) rows = rows.Where(p => p.SourceKind == source);
        if (query.SalaryMin is { } min) rows = rows.Where(p => (p.SalaryMax ?? p.SalaryMin) >= min);
        return rows;
    }
#pragma warning restore CA1862

    private static string CountKey(JobQuery q) =>
        string.Join('\u001f', q.Status, Lower(q.Title), Lower(q.Location), q.Remote, Lower(q.Source), q.SalaryMin, Lower(q.Text));

    private sealed record ListRow(Guid Id, string SourceKind, string ExternalId, string Title, string Company, string LocationsJson,
        string Remote, string Employment, string Seniority, double? SalaryMin, double? SalaryMax, string? SalaryCurrency, string? SalaryPeriod,
        DateTime? PostedAt, string Status, DateTime FirstSeenAt, DateTime LastSeenAt);

    // Never the description, the raw record or the skills: a list row is a few hundred bytes, not tens of kilobytes.
    private static IQueryable<ListRow> Project(IQueryable<StoredPosting> rows) => rows.Select(p => new ListRow(p.Id, p.SourceKind, p.ExternalId,
        p.Title, p.Company, p.LocationsJson, p.Remote, p.Employment, p.Seniority, p.SalaryMin, p.SalaryMax, p.SalaryCurrency, p.SalaryPeriod,
        p.PostedAt, p.Status, p.FirstSeenAt, p.LastSeenAt));

    private static JobSummary Summary(ListRow p) => new(p.Id, p.SourceKind, p.ExternalId, p.Title, p.Company, PostingMapper.Strings(p.LocationsJson),
        p.Remote, p.Employment, p.Seniority, p.SalaryMin, p.SalaryMax, p.SalaryCurrency, p.SalaryPeriod, p.PostedAt, p.Status, p.FirstSeenAt, p.LastSeenAt);

    public async Task<JobDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var p = await db.Set<StoredPosting>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (p is null) return null;
        var links = db.Set<PostingDuplicateLink>().AsNoTracking();
        var of = await links.Where(l => l.PostingId == id).Select(l => (Guid?)l.CanonicalId).FirstOrDefaultAsync(cancellationToken);
        var duplicates = await links.Where(l => l.CanonicalId == id).Select(l => l.PostingId).ToListAsync(cancellationToken);
        return new JobDetail(Summary(p), p.DescriptionText, p.DescriptionMarkdown, PostingMapper.Strings(p.RequirementsJson), PostingMapper.ReadSkills(p.SkillsJson),
            p.ExpiresAt, p.ApplyUrl, p.CanonicalUrl, p.ApplicationType, p.ApplicationRule, p.ClosedReason, p.ClosedAt, of, duplicates);
    }

    /// <summary>Each group as external ids, canonical first then its duplicates by external id; groups ordered by canonical id.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> DuplicateGroupsAsync(CancellationToken cancellationToken)
    {
        var pairs = await (from l in db.Set<PostingDuplicateLink>()
                           join member in db.Set<StoredPosting>() on l.PostingId equals member.Id
                           join canonical in db.Set<StoredPosting>() on l.CanonicalId equals canonical.Id
                           select new { Canonical = canonical.ExternalId, Member = member.ExternalId }).ToListAsync(cancellationToken);
        return [.. pairs.GroupBy(p => p.Canonical, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[g.Key, .. g.Select(p => p.Member).Order(StringComparer.Ordinal)])];
    }

    private static string? Lower(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static JobSummary Summary(StoredPosting p) => new(p.Id, p.SourceKind, p.ExternalId, p.Title, p.Company, PostingMapper.Strings(p.LocationsJson),
        p.Remote, p.Employment, p.Seniority, p.SalaryMin, p.SalaryMax, p.SalaryCurrency, p.SalaryPeriod, p.PostedAt, p.Status, p.FirstSeenAt, p.LastSeenAt);
}
