using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>One run of an application as the operator asked for it, with the proof files it kept.</summary>
public sealed record OperatorRunResult(RunResult Run, string Company, string Title, string State, IReadOnlyList<(ProofView View, byte[] Content)> Proof);

/// <summary>
/// `jobsmith apply --application ID` (F3, M3): the operator of the data folder runs one application through the same
/// runner the worker uses. A dry run fills the form and stops before the final click; a real run sends only what the
/// runner would send anyway — a queued (approved) application, under the send guard — so the command can never send
/// something the candidate did not approve, nor send it twice.
/// </summary>
public sealed class OperatorRun(AppDbContext db, SubmissionRunner runner, SendGuard guard, ProofStore proofs)
{
    public async Task<OperatorRunResult?> RunAsync(Guid applicationId, bool dryRun, CancellationToken cancellationToken)
    {
        var owner = await (from a in db.Set<JobApplication>().AsNoTracking()
                           join p in db.Set<StoredPosting>() on a.PostingId equals p.Id
                           where a.Id == applicationId
                           select new { a.UserId, a.State, p.Company, p.Title }).FirstOrDefaultAsync(cancellationToken);
        if (owner is null) return null;
        var run = !dryRun && owner.State == ApplicationStates.Submitting
            ? await RecoverAsync(owner.UserId, applicationId, cancellationToken)
            : await runner.RunAsync(owner.UserId, applicationId, dryRun, cancellationToken);
        var files = new List<(ProofView, byte[])>();
        foreach (var view in run.Proof ?? [])
            if (await proofs.ReadAsync(owner.UserId, applicationId, view.Id, cancellationToken) is { } file)
                files.Add(file);
        var state = await db.Set<JobApplication>().AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.State).FirstAsync(cancellationToken);
        return new OperatorRunResult(run, owner.Company, owner.Title, state, files);
    }

    /// <summary>
    /// A send left "submitting" by a process that died: as the worker's recovery does, the guard either leaves it to
    /// the worker still holding its lease or, once the lease is over, hands it to a person to check — never a resend.
    /// </summary>
    private async Task<RunResult> RecoverAsync(string userId, Guid applicationId, CancellationToken cancellationToken)
    {
        var permit = await guard.BeginAsync(userId, applicationId, "recovery", null, cancellationToken);
        return permit.Decision switch
        {
            SendDecision.NeedsChecking => new(RunStatus.Escalated, permit.Reason ?? "Needs checking."),
            SendDecision.InFlight => new(RunStatus.Skipped, permit.Reason ?? "Another worker is sending it now."),
            _ => new(RunStatus.Skipped, permit.Reason ?? permit.Decision.ToString()),
        };
    }
}
