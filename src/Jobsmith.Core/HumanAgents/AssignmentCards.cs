using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.HumanAgents;

/// <summary>Reads assignments as cards, with the posting's company and title and whether the send needs a verdict.</summary>
internal static class AssignmentCards
{
    public static async Task<IReadOnlyList<AssignmentCard>> ReadAsync(AppDbContext db, IQueryable<Assignment> assignments, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in assignments
            join application in db.Set<JobApplication>() on a.ApplicationId equals application.Id
            join posting in db.Set<StoredPosting>() on application.PostingId equals posting.Id
            select new
            {
                Assignment = a, posting.Company, posting.Title,
                Send = db.Set<SendRecord>().Where(s => s.ApplicationId == a.ApplicationId).Select(s => s.Status).FirstOrDefault(),
            }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => Of(r.Assignment, r.Company, r.Title, r.Send))];
    }

    public static AssignmentCard Of(Assignment a, string company, string title, string? sendStatus) =>
        new(a.Id, a.ApplicationId, company, title, a.Reason, ExpertiseTags.Describe(a.Reason), a.ReasonText, a.Status,
            a.ScreenshotPath is not null, sendStatus is SendStatus.Unknown or SendStatus.Started, a.Notes, a.Outcome, a.ProofPath is not null,
            a.AssignedAt, a.ClaimedAt, a.FinishedAt, a.Revision);

    public static IQueryable<Assignment> Open(this IQueryable<Assignment> query) =>
        query.Where(a => a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Claimed);
}
