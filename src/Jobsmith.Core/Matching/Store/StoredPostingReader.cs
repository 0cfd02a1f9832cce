using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>A stored posting as the matcher sees it, with the row id callers store matches under.</summary>
public sealed record RankablePosting(Guid Id, JobPosting Posting);

/// <summary>
/// Turns <c>job_postings</c> rows back into <see cref="JobPosting"/>s for ranking. Only open postings that are not
/// a duplicate of another stored posting are loaded, so a job listed on two boards is ranked (and shown) once.
/// </summary>
public sealed class StoredPostingReader(AppDbContext db)
{
    public async Task<IReadOnlyList<RankablePosting>> OpenAsync(CancellationToken cancellationToken)
    {
        var duplicates = db.Set<PostingDuplicateLink>().Select(l => l.PostingId);
        var rows = await db.Set<StoredPosting>().AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && !duplicates.Contains(p.Id))
            .OrderBy(p => p.SourceKind).ThenBy(p => p.ExternalId)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RankablePosting(r.Id, ToPosting(r)))];
    }

    public static JobPosting ToPosting(StoredPosting row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new JobPosting
        {
            SourceKind = row.SourceKind,
            ExternalId = row.ExternalId,
            Title = row.Title,
            Company = row.Company,
            Locations = PostingMapper.Strings(row.LocationsJson),
            Remote = Enum.TryParse<RemoteType>(row.Remote, out var remote) ? remote : RemoteType.Unknown,
            Employment = Enum.TryParse<EmploymentType>(row.Employment, out var employment) ? employment : EmploymentType.Unknown,
            Seniority = Enum.TryParse<Seniority>(row.Seniority, out var seniority) ? seniority : Seniority.Unknown,
            Salary = row.SalaryMin is null && row.SalaryMax is null ? null : new SalaryRange(
                (decimal?)row.SalaryMin, (decimal?)row.SalaryMax, row.SalaryCurrency,
                Enum.TryParse<SalaryPeriod>(row.SalaryPeriod, out var period) ? period : SalaryPeriod.Unknown),
            Description = new PostingDescription(row.DescriptionText, row.DescriptionMarkdown),
            Requirements = PostingMapper.Strings(row.RequirementsJson),
            PostedAt = row.PostedAt is { } posted ? new DateTimeOffset(DateTime.SpecifyKind(posted, DateTimeKind.Utc)) : null,
            ExpiresAt = row.ExpiresAt is { } expires ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) : null,
            ApplyUrl = Uri.TryCreate(row.ApplyUrl, UriKind.Absolute, out var apply) ? apply : null,
            CanonicalUrl = Uri.TryCreate(row.CanonicalUrl, UriKind.Absolute, out var canonical) ? canonical : null,
            Application = new ApplicationRoute(WireType(row.ApplicationType), row.ApplicationRule),
        };
    }

    /// <summary>The route type from its wire name (easy_apply, form, email; anything else is complex).</summary>
    public static ApplicationType WireType(string wire) => wire switch
    {
        "easy_apply" => ApplicationType.EasyApply,
        "form" => ApplicationType.Form,
        "email" => ApplicationType.Email,
        _ => ApplicationType.Complex,
    };
}
