using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Applications;

/// <summary>An application as an admin audits it (A2: admins see all; F7, I1): the candidate's page with its proof, read-only.</summary>
public sealed record AdminApplicationPage(ApplicationPage Page, string CandidateUserId, string CandidateEmail);

/// <summary>
/// Read-only access to any candidate's application and its proof files, for admins checking what an agent (or a human
/// agent) sent on someone's behalf. Reuses the candidate's own reads with the owner's id, so an admin sees exactly
/// what the candidate sees, nothing more and nothing that could drift from it.
/// </summary>
public sealed class AdminApplications(AppDbContext db, ApplicationQueries queries, ProofStore proofs)
{
    public async Task<AdminApplicationPage?> PageAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        if (await OwnerAsync(applicationId, cancellationToken) is not { } owner) return null;
        return await queries.PageAsync(owner.Id, applicationId, cancellationToken) is { } page ? new AdminApplicationPage(page, owner.Id, owner.Email) : null;
    }

    public async Task<(ProofView View, byte[] Content)?> ProofAsync(Guid applicationId, Guid proofId, CancellationToken cancellationToken) =>
        await OwnerAsync(applicationId, cancellationToken) is { } owner ? await proofs.ReadAsync(owner.Id, applicationId, proofId, cancellationToken) : null;

    private async Task<(string Id, string Email)?> OwnerAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var owner = await (from application in db.Set<JobApplication>().AsNoTracking()
                           where application.Id == applicationId
                           join user in db.Set<Accounts.JobsmithUser>() on application.UserId equals user.Id
                           select new { user.Id, user.Email }).FirstOrDefaultAsync(cancellationToken);
        return owner is null ? null : (owner.Id, owner.Email ?? "");
    }
}
