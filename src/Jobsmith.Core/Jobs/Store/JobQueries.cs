using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>Reads stored postings for the API, pages and CLI. Text filters are case-insensitive substring matches.</summary>
// ToLower().Contains translates to lower(...) LIKE on both providers; the StringComparison overloads do not translate.
#pragma warning disable CA1862
public sealed class JobQueries(AppDbContext db)
{
    public async Task<JobPage> SearchAsync(JobQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Set<StoredPosting>().AsNoTracking();
        if (query.Status != "all") rows = rows.Where(p => p.Status == query.Status);
        if (Lower(query.Title) is { } title) rows = rows.Where(p => p.Title.ToLower().Contains(title));
        if (Lower(query.Location) is { } location) rows = rows.Where(p => p.LocationsJson.ToLower().Contains(location));
        if (query.Remote is { } remote) rows = rows.Where(p => p.Remote == remote.ToString());
        if (Lower(query.Source) is { } source) rows = rows.Where(p => p.SourceKind == source);
        if (query.SalaryMin is { } min) rows = rows.Where(p => (p.SalaryMax ?? p.SalaryMin) >= min);
        if (Lower(query.Text) is { } text)
            rows = rows.Where(p => p.Title.ToLower().Contains(text) || p.Company.ToLower().Contains(text) || p.DescriptionText.ToLower().Contains(text));
#pragma warning restore CA1862
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(p => p.FirstSeenAt).ThenByDescending(p => p.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new JobPage([.. page.Select(Summary)], query.Page, query.PageSize, total);
    }

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
