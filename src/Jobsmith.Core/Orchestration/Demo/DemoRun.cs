using System.Diagnostics;
using System.Security.Cryptography;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Import;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Profiles.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Orchestration.Demo;

/// <summary>One stage of the demo: what it did, in a line, and how long it took.</summary>
public sealed record DemoStage(string Name, string Summary, TimeSpan Took);

/// <summary>A match the demo found, best first.</summary>
public sealed record DemoMatch(int Score, string Title, string Company);

/// <summary>What one application became: sent by email (to the outbox), left to the candidate (manual), or why not.</summary>
public sealed record DemoSend(string Title, string Company, string Channel, string Status, string Message);

public sealed record DemoSummary(string Email, IReadOnlyList<DemoStage> Stages, IReadOnlyList<DemoMatch> Matches, IReadOnlyList<DemoSend> Sends);

/// <summary>
/// The first run, headless (K3, M3): on the current (empty) data folder, a demo candidate uploads the shipped resume,
/// the shipped demo feed is imported, their agent is started, and the same event processor the worker runs carries
/// the loop — matches, drafts awaiting approval; the demo then approves the drafts as the candidate would and sends
/// them through their channels (email goes to the outbox folder unless SMTP is configured; a posting without an
/// application address is left to the candidate). Every stage reports progress and ends with a line.
/// </summary>
public sealed class DemoRun(IServiceScopeFactory scopes, PendingEvents events)
{
    public const string DemoEmail = "demo@jobsmith.example";

    /// <summary>Events processed per stage at most: a loop that kept raising events would be a bug, not a long demo.</summary>
    private const int MaxEvents = 2_000;

    public async Task<DemoSummary> RunAsync(IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        var stages = new List<DemoStage>();
        var clock = Stopwatch.StartNew();
        void Stage(string name, string summary)
        {
            stages.Add(new DemoStage(name, summary, clock.Elapsed));
            progress?.Report(new DemoProgress(name, summary, Done: true));
            clock.Restart();
        }

        var userId = await InScopeAsync(async sp =>
        {
            var normalized = DemoEmail.ToUpperInvariant();
            if (await sp.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
                throw new InvalidOperationException($"This data folder already has the demo candidate ({DemoEmail}); run the demo on an empty one.");
            // Nobody signs in as the demo candidate: a random password nobody knows.
            var user = await sp.GetRequiredService<AccountService>().RegisterAsync(DemoEmail, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), "Demo candidate", cancellationToken);
            return user.Id;
        });
        Stage("account", $"demo candidate {DemoEmail}");

        await InScopeAsync(async sp =>
        {
            var uploaded = await sp.GetRequiredService<ResumeUploads>().UploadAsync(userId, DemoData.Resume(), "demo-resume.txt", "text/plain", cancellationToken);
            if (!uploaded.Parsed) throw new InvalidOperationException($"The demo resume did not parse: {uploaded.Error}");
            var errors = await sp.GetRequiredService<Profiles.Preferences.PreferencesService>().UpdateAsync(userId,
                v => v with { Titles = ["Senior Backend Engineer"], RemotePreference = "any" }, cancellationToken);
            if (errors.Count > 0) throw new InvalidOperationException("The demo preferences were refused: " + string.Join(" ", errors.Values.SelectMany(e => e)));
            return true;
        });
        Stage("resume", "parsed demo-resume.txt; target title Senior Backend Engineer, remote or on site");

        var imported = await InScopeAsync(sp => sp.GetRequiredService<PostingImport>().FromFileAsync("demo-postings.csv", DemoData.Postings(), "csv", cancellationToken));
        Stage("postings", $"imported {imported.Added} postings from the demo feed");

        await InScopeAsync(sp => sp.GetRequiredService<CandidateAgents>().ChangeAsync(userId, CandidateAgentStates.Running, new CandidateAgentSettings(50, 5), cancellationToken));
        var processed = await ProcessEventsAsync("agent", progress, cancellationToken);
        var matches = await InScopeAsync(async sp => await (
            from m in sp.GetRequiredService<AppDbContext>().Set<StoredMatch>().AsNoTracking()
            join p in sp.GetRequiredService<AppDbContext>().Set<Jobs.Store.StoredPosting>() on m.PostingId equals p.Id
            where m.UserId == userId
            orderby m.Score descending, p.Title
            select new DemoMatch(m.Score, p.Title, p.Company)).ToListAsync(cancellationToken));
        var cards = await InScopeAsync(sp => sp.GetRequiredService<Approvals>().ListAsync(userId, cancellationToken));
        Stage("agent", $"{processed} events processed: {matches.Count} matches, {cards.Count} drafts waiting for approval");

        var approved = 0;
        foreach (var card in cards)
        {
            var result = await InScopeAsync(sp => sp.GetRequiredService<Approvals>().ApproveAsync(userId, card.Application.Id, card.Application.Revision,
                ApplicationActor.Candidate(userId), cancellationToken));
            if (result.Status == ApprovalStatus.Done) approved++;
            progress?.Report(new DemoProgress("approve", $"{approved}/{cards.Count}", Done: false, approved, cards.Count));
        }
        Stage("approve", $"approved {approved} of {cards.Count} drafts as the candidate");

        var sends = new List<DemoSend>();
        foreach (var card in cards)
        {
            var run = await InScopeAsync(sp => sp.GetRequiredService<SubmissionRunner>().RunAsync(userId, card.Application.Id, dryRun: false, cancellationToken));
            sends.Add(new DemoSend(card.Title, card.Company, card.Channel.Channel, run.Status.ToString(), run.Message));
            progress?.Report(new DemoProgress("send", $"{sends.Count}/{cards.Count}", Done: false, sends.Count, cards.Count));
        }
        await ProcessEventsAsync("events", progress, cancellationToken);
        Stage("send", string.Join(", ", sends.GroupBy(s => Outcome(s)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")));
        return new DemoSummary(DemoEmail, stages, matches, sends);
    }

    // Without a mail server the email channel writes the application to the outbox and leaves sending it to the
    // candidate (it never claims a send it did not make); the demo says so in those words.
    private static string Outcome(DemoSend send) => (send.Channel, send.Status) switch
    {
        (ChannelNames.Email, nameof(RunStatus.Escalated)) when send.Message.Contains("outbox", StringComparison.Ordinal) => "written to the outbox for you to send",
        (_, nameof(RunStatus.Sent)) => $"sent by {send.Channel.Replace('_', ' ')}",
        (ChannelNames.Manual, _) => "left for you to submit",
        _ => $"{send.Status.ToLowerInvariant()} ({send.Channel.Replace('_', ' ')})",
    };

    private Task<int> ProcessEventsAsync(string stage, IProgress<DemoProgress>? progress, CancellationToken cancellationToken) =>
        events.ProcessAllAsync(MaxEvents, (done, known) => progress?.Report(new DemoProgress(stage, $"{done} events", Done: false, done, known)), cancellationToken);

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

/// <summary>Progress of the demo: a stage's running count (Done false) or its closing line (Done true).</summary>
public sealed record DemoProgress(string Stage, string Text, bool Done, int Current = 0, int Total = 0);
