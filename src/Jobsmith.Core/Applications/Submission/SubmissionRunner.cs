using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Applications.Submission;

public enum RunStatus { Sent, NotSent, Unknown, Escalated, Held, Retrying, Failed, DryRun, Skipped, NotFound }

/// <summary>What one run did, in words for the candidate, the CLI and the log.</summary>
public sealed record RunResult(RunStatus Status, string Message, Guid? AttemptId = null, IReadOnlyList<ProofView>? Proof = null);

/// <summary>
/// Sends one queued application (F3, F6, F8): holds it when a site's daily cap or pacing says wait, builds the package
/// from approved documents only, asks <see cref="SendGuard"/> for permission (which records the send before anything
/// leaves), runs the channel, keeps the attempt with its proof, and records the outcome. A not-sent try is queued
/// again with a doubling wait until <see cref="SubmissionOptions.MaxAttempts"/>; an unknown one goes to a person.
/// A dry run does everything except the final send and changes no state.
/// </summary>
public sealed partial class SubmissionRunner(
    AppDbContext db,
    SendGuard guard,
    SubmissionPackages packages,
    SitePacing pacing,
    Plans.UsageMeter usage,
    ProofStore proofs,
    IEnumerable<ISubmissionChannel> channels,
    IOptions<SubmissionOptions> options,
    TimeProvider clock,
    ILogger<SubmissionRunner> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ApplicationActor Worker = ApplicationActor.Agent("submission-worker");

    public async Task<RunResult> RunAsync(string userId, Guid applicationId, bool dryRun, CancellationToken cancellationToken)
    {
        var application = await db.Set<JobApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        if (application is null) return new(RunStatus.NotFound, "No such application.");
        if (!dryRun && application.State != ApplicationStates.Queued)
            return new(RunStatus.Skipped, $"Only a queued application is sent; this one is {application.State.Replace('_', ' ')}.");
        var posting = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.Id == application.PostingId)
            .Select(p => new { p.Company, p.Title, p.ApplyUrl, p.ApplicationType, p.ApplicationRule }).FirstAsync(cancellationToken);
        var choice = ChannelPicker.Pick(Matching.Store.StoredPostingReader.WireType(posting.ApplicationType), posting.ApplyUrl, options.Value.AssistOnlyHosts, posting.ApplicationRule);
        var channel = channels.FirstOrDefault(c => c.Name == (application.Channel ?? choice.Channel));

        if (!dryRun && await pacing.HoldAsync(userId, choice.TargetHost, cancellationToken) is { } hold)
            return await HoldAsync(applicationId, hold.NotBefore, hold.Reason, cancellationToken);

        var preparing = PrepareQuietlyAsync(channel, cancellationToken);
        var built = await packages.BuildAsync(application, posting.Company, posting.Title, choice,
            Uri.TryCreate(posting.ApplyUrl, UriKind.Absolute, out var url) ? url : null, dryRun, cancellationToken);
        await preparing;
        if (dryRun) return await DryRunAsync(application, choice, channel, built, cancellationToken);
        if (built.Package is null) return await FailBeforeSendAsync(userId, applicationId, built.Problem!, cancellationToken);
        // F9: the plan's monthly applications are counted at submission. The place is taken before the send, in one
        // step with the check, so two sends at once cannot both take the last one; over the limit it waits, unsent.
        if (await usage.ReserveAsync(userId, applicationId, cancellationToken) is { Allowed: false } quota)
            return await FailBeforeSendAsync(userId, applicationId, quota.Reason ?? $"Your {quota.PlanName} plan's {quota.Limit} applications this month are used.", cancellationToken);

        var permit = await guard.BeginAsync(userId, applicationId, channel?.Name ?? choice.Channel, choice.Email, cancellationToken);
        if (permit.Decision != SendDecision.Go)
        {
            // Another worker's send (in flight, sent, or waiting to be checked) keeps the place; a refused one frees it.
            if (permit.Decision is SendDecision.Suppressed or SendDecision.NotQueued or SendDecision.NotFound)
                await usage.ReleaseAsync(applicationId, cancellationToken);
            return new(permit.Decision == SendDecision.Suppressed ? RunStatus.Failed : RunStatus.Skipped, permit.Reason ?? permit.Decision.ToString());
        }

        var started = clock.GetUtcNow();
        var result = channel is null
            ? new SubmissionResult(SubmissionOutcome.Escalate, $"No {choice.Channel.Replace('_', ' ')} channel is available on this server, so a person takes it over.", EscalationReasons.NoChannel)
            : await SendAsync(channel, built.Package, cancellationToken);
        var (attempt, proof) = await KeepAttemptAsync(application, channel?.Name ?? choice.Channel, choice.TargetHost, result, built.Files, started, dryRun: false, cancellationToken);
        return await RecordOutcomeAsync(userId, applicationId, result, attempt.Id, proof, cancellationToken);
    }

    /// <summary>The channel's warm-up, alongside building the package; a failure there shows again, explained, in the send.</summary>
    private async Task PrepareQuietlyAsync(ISubmissionChannel? channel, CancellationToken cancellationToken)
    {
        if (channel is null) return;
        try
        {
            await channel.PrepareAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPrepareFailed(logger, ex, channel.Name);
        }
    }

    // A channel that throws broke its contract; whether anything left is unknown, so a person checks (never a blind retry).
    private async Task<SubmissionResult> SendAsync(ISubmissionChannel channel, SubmissionPackage package, CancellationToken cancellationToken)
    {
        try
        {
            return await channel.SubmitAsync(package, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogChannelCrash(logger, ex, channel.Name, package.ApplicationId);
            return new SubmissionResult(SubmissionOutcome.Unknown, $"The {channel.Name.Replace('_', ' ')} channel stopped with an error ({ex.GetType().Name}); it may have sent the application.");
        }
    }

    private async Task<RunResult> RecordOutcomeAsync(string userId, Guid applicationId, SubmissionResult result, Guid attemptId, IReadOnlyList<ProofView> mine,
        CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case SubmissionOutcome.Sent:
                await guard.CompleteAsync(userId, applicationId, SendStatus.Sent, result.Details, cancellationToken);
                return new(RunStatus.Sent, result.Details, attemptId, mine);
            case SubmissionOutcome.Unknown:
                // It may have gone out, so its place stays taken until a person says otherwise.
                await guard.CompleteAsync(userId, applicationId, SendStatus.Unknown, result.Details, cancellationToken);
                return new(RunStatus.Unknown, result.Details, attemptId, mine);
            case SubmissionOutcome.Escalate:
                await guard.CompleteAsync(userId, applicationId, SendStatus.NotSent, result.Details, cancellationToken, result.Escalation ?? EscalationReasons.SiteError);
                await usage.ReleaseAsync(applicationId, cancellationToken);
                return new(RunStatus.Escalated, result.Details, attemptId, mine);
            default:
                await guard.CompleteAsync(userId, applicationId, SendStatus.NotSent, result.Details, cancellationToken);
                await usage.ReleaseAsync(applicationId, cancellationToken);
                return await RetryOrFailAsync(applicationId, result.Details, attemptId, mine, cancellationToken);
        }
    }

    // F8: nothing left, so another try is safe; the wait doubles, and after the last try it stays failed with the reason.
    private async Task<RunResult> RetryOrFailAsync(Guid applicationId, string details, Guid attemptId, IReadOnlyList<ProofView> proof, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var application = await db.Set<JobApplication>().FirstAsync(a => a.Id == applicationId, cancellationToken);
        var tries = await db.Set<SendRecord>().Where(s => s.ApplicationId == applicationId).Select(s => s.Attempts).FirstAsync(cancellationToken);
        var o = options.Value;
        if (tries >= o.MaxAttempts || application.State != ApplicationStates.Failed)
            return new(RunStatus.Failed, $"{details} (after {tries} tries)", attemptId, proof);
        var now = clock.GetUtcNow();
        var due = now.AddSeconds(o.FirstRetrySeconds * Math.Pow(2, tries - 1));
        application.Queue(application.Channel ?? ChannelNames.BrowserForm, due, Worker, $"Trying again at {due:u} (try {tries + 1} of {o.MaxAttempts}).", now);
        await SaveMovedAsync(application, cancellationToken);
        return new(RunStatus.Retrying, $"{details} Trying again at {due:u}.", attemptId, proof);
    }

    private async Task<RunResult> FailBeforeSendAsync(string userId, Guid applicationId, string problem, CancellationToken cancellationToken)
    {
        var application = await db.Set<JobApplication>().FirstAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        if (application.State != ApplicationStates.Queued) return new(RunStatus.Skipped, "Another worker moved it first.");
        application.Move(ApplicationStates.Escalated, Worker, problem, clock.GetUtcNow());
        await SaveMovedAsync(application, cancellationToken);
        return new(RunStatus.Escalated, problem);
    }

    private async Task<RunResult> HoldAsync(Guid applicationId, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken)
    {
        // Only the due time moves (no state change, no log line per poll): the reason is returned to whoever asked.
        await db.Set<JobApplication>().Where(a => a.Id == applicationId && a.State == ApplicationStates.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.NextAttemptAt, notBefore.UtcDateTime), cancellationToken);
        return new(RunStatus.Held, reason);
    }

    private async Task<RunResult> DryRunAsync(JobApplication application, ChannelChoice choice, ISubmissionChannel? channel, PackageResult built, CancellationToken cancellationToken)
    {
        if (built.Package is null) return new(RunStatus.NotSent, built.Problem!);
        if (channel is null) return new(RunStatus.NotSent, $"No {choice.Channel.Replace('_', ' ')} channel is available on this server.");
        var started = clock.GetUtcNow();
        var result = await SendAsync(channel, built.Package with { DryRun = true }, cancellationToken);
        var (attempt, proof) = await KeepAttemptAsync(application, channel.Name, choice.TargetHost, result, built.Files, started, dryRun: true, cancellationToken);
        return new(RunStatus.DryRun, $"{choice.Reason} {result.Details}", attempt.Id, proof);
    }

    private async Task<(SubmissionAttempt Attempt, IReadOnlyList<ProofView> Proof)> KeepAttemptAsync(JobApplication application, string channel, string? host, SubmissionResult result,
        IReadOnlyList<SubmissionFile> files, DateTimeOffset started, bool dryRun, CancellationToken cancellationToken)
    {
        var attempt = new SubmissionAttempt
        {
            Id = Guid.CreateVersion7(started), ApplicationId = application.Id, UserId = application.UserId, Channel = channel, TargetHost = host,
            Outcome = dryRun ? AttemptOutcomes.DryRun : result.Outcome switch
            {
                SubmissionOutcome.Sent => AttemptOutcomes.Sent,
                SubmissionOutcome.Unknown => AttemptOutcomes.Unknown,
                SubmissionOutcome.Escalate => AttemptOutcomes.Escalated,
                _ => AttemptOutcomes.NotSent,
            },
            Details = result.Details.Truncate(JobApplication.MaxDetails) ?? "", Escalation = result.Escalation.Truncate(30),
            Confirmation = result.Confirmation.Truncate(JobApplication.MaxDetails),
            FilesJson = JsonSerializer.Serialize(files.Select(f => new { f.Kind, f.DocumentId, f.Version, f.FileName, f.Sha256, bytes = f.Content.Length }), Json),
            FilledJson = JsonSerializer.Serialize(result.Filled ?? [], Json),
            StartedAt = started.UtcDateTime, FinishedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(attempt);
        var kept = await proofs.KeepAsync(attempt, result.ProofItems, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (attempt, [.. kept.Select(ProofStore.View)]);
    }

    private async Task SaveMovedAsync(JobApplication application, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone (the candidate, another worker) moved it meanwhile: their move stands.
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} channel could not get ready; the send will say why")]
    private static partial void LogPrepareFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Channel} channel threw while sending application {ApplicationId}")]
    private static partial void LogChannelCrash(ILogger logger, Exception exception, string channel, Guid applicationId);
}
