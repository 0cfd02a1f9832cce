using System.Linq.Expressions;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>
/// Reads stored postings for the API, pages and CLI. Title and location filters are case-insensitive substring matches;
/// text goes through the full-text index. Lists read only the columns a summary shows, in (first seen, id) order from
/// an index, one page at a time: by page number, or after a <see cref="PageCursor"/> without skipping rows.
/// </summary>
public sealed class JobQueries(AppDbContext db, JobListCounts counts)
{
    public async Task<JobPage> SearchAsync(JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = Filtered(query);
        var total = await counts.CountAsync(CountKey(query), () => rows.CountAsync(cancellationToken));
        var ordered = rows.OrderByDescending(p => p.FirstSeenAt).ThenByDescending(p => p.Id);
        var page = PageCursor.TryDecode(query.Cursor, out var after)
            ? ordered.Where(p => p.FirstSeenAt < after.FirstSeenAt || (p.FirstSeenAt == after.FirstSeenAt && p.Id.CompareTo(after.Id) < 0))
            : ordered.Skip((query.Page - 1) * query.PageSize);
        // One row more than the page tells whether a next page exists without another count.
        var items = await Project(page.Take(query.PageSize + 1)).ToListAsync(cancellationToken);
        var next = items.Count > query.PageSize ? new PageCursor(items[query.PageSize - 1].FirstSeenAt, items[query.PageSize - 1].Id).Encode() : null;
        return new JobPage([.. items.Take(query.PageSize)], query.Page, query.PageSize, total, next);
    }

    /// <summary>The list's SQL for a query, so tests can see which columns it reads.</summary>
    internal string ListSql(JobQuery query) =>
        Project(Filtered(query).OrderByDescending(p => p.FirstSeenAt).ThenByDescending(p => p.Id).Take(query.PageSize + 1)).ToQueryString();

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

    // Never the description, the raw record or the skills: a list row is a few hundred bytes, not tens of kilobytes.
    // The same shape serves the detail page, so one expression builds both (the locations are parsed after the read).
    private static readonly Expression<Func<StoredPosting, JobSummary>> ToSummary = p => new JobSummary(p.Id, p.SourceKind, p.ExternalId,
        p.Title, p.Company, PostingMapper.Strings(p.LocationsJson), p.Remote, p.Employment, p.Seniority, p.SalaryMin, p.SalaryMax,
        p.SalaryCurrency, p.SalaryPeriod, p.PostedAt, p.Status, p.FirstSeenAt, p.LastSeenAt);

    private static readonly Func<StoredPosting, JobSummary> Summary = ToSummary.Compile();

    private static IQueryable<JobSummary> Project(IQueryable<StoredPosting> rows) => rows.Select(ToSummary);

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

}
