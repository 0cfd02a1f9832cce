using System.Diagnostics;
using System.Text;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Rendering;
using Jobsmith.Tests.Applications.Channels;
using Jobsmith.Tests.Matching.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jobsmith.Tests.Applications.Submission;

/// <summary>
/// R1, F6, F8: the process sending an application is killed (SIGKILL, with its browser) at random points of real
/// submissions — while it starts, builds the files, fills the form, after the final click — and started again. Each
/// form site must receive each application at most once, a sent one must never be recorded as unsent, and every
/// application must end applied, failed, or with a person ("needs checking") — never stuck.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    // Twenty killed runs, plus the first of each of the two lanes, which is not killed.
    private const int Runs = 22;

    [SkippableFact]
    public async Task A_sender_killed_at_random_points_never_sends_an_application_twice_and_leaves_none_stuck()
    {
        BrowserFormFixture.RequireChromium();
        await using var sites = await ApplicationSites.StartAsync();
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite", s => s.AddDocumentRendering());
        var user = await harness.AddCandidateAsync("crash@example.com");
        var csv = new StringBuilder("external_id,title,company,location,remote,salary,description,url\n");
        for (var i = 1; i <= Runs; i++)
            csv.Append($"crash-{i},Senior Backend Engineer {i},Crashtest {i},Berlin,yes,,\"Remote: Python, Go, Kafka and PostgreSQL on AWS.\",{PlainFormSite.Install(sites, i)}\n");
        await harness.ImportAsync(csv.ToString());
        var applications = await QueueAsync(harness, user);

        // Two lanes side by side keep the run short; in each, the first send is not killed: it shows the whole
        // submission works and how long one takes there, and the others are killed at random points within that time.
        var outcomes = await Task.WhenAll(applications.Chunk((applications.Count + 1) / 2).Select((lane, index) => LaneAsync(harness, sites, user, lane, new Random(index + 1))));
        output.WriteLine(string.Join(Environment.NewLine, outcomes.SelectMany(o => o)));
        var resent = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<SendRecord>().CountAsync(s => s.Attempts > 1));
        Assert.Equal(0, resent);
    }

    private static async Task<List<string>> LaneAsync(MatchStoreHarness harness, ApplicationSites sites, string user, (int Number, Guid Id)[] lane, Random random)
    {
        var outcomes = new List<string>();
        TimeSpan? typical = null, sending = null;
        var turn = 0;
        foreach (var (number, id) in lane)
        {
            var sender = Start(harness, id);
            if (typical is null)
            {
                var timer = Stopwatch.StartNew();
                await UntilAsync(harness, user, id, sender);
                var began = timer.Elapsed;
                Assert.True(await ExitsAsync(sender, TimeSpan.FromMinutes(5)), "the first send did not finish");
                (typical, sending) = (timer.Elapsed, timer.Elapsed - began);
                Assert.True(await StateAsync(harness, user, id) == ApplicationStates.Applied, await ReasonAsync(harness, user, id));
                outcomes.Add($"{number}: not killed, {typical.Value.TotalSeconds:0.0} s, {sending.Value.TotalSeconds:0.0} s of it sending");
            }
            else
            {
                // Every other run is killed at a random point of the send itself (filling, the final click, the
                // bookkeeping after it), the narrow window that matters most; the rest anywhere in the run.
                var inSend = turn++ % 2 == 0;
                if (inSend) await UntilAsync(harness, user, id, sender);
                var window = inSend ? sending!.Value : typical.Value;
                var killAfter = TimeSpan.FromMilliseconds(random.NextDouble() * window.TotalMilliseconds * 1.1);
                await Task.Delay(killAfter);
                sender.Kill(entireProcessTree: true);
                await sender.WaitForExitAsync();
                var killedIn = await StateAsync(harness, user, id);
                // Killed mid-send: past the send lease (one second here) the restarted sender may judge it.
                if (killedIn == ApplicationStates.Submitting) await Task.Delay(TimeSpan.FromSeconds(1.2));
                if (killedIn is ApplicationStates.Queued or ApplicationStates.Submitting)
                    Assert.True(await ExitsAsync(Start(harness, id), TimeSpan.FromMinutes(5)), $"the restarted send of application {number} did not finish");
                outcomes.Add($"{number}: killed {killAfter.TotalSeconds:0.0} s after {(inSend ? "the send began" : "start")}, while {killedIn}");
            }

            var state = await StateAsync(harness, user, id);
            var received = sites.ReceivedBy(PlainFormSite.Site(number)).Count;
            outcomes[^1] += $", ended {state}, site received {received}";
            Assert.True(received <= 1, $"application {number} was received {received} times");
            Assert.Contains(state, new[] { ApplicationStates.Applied, ApplicationStates.Escalated, ApplicationStates.Failed });
            // Sent means the site has it; a send the site has that was not recorded as sent is left for a person.
            if (state == ApplicationStates.Applied) Assert.Equal(1, received);
            if (received == 1) Assert.Contains(state, new[] { ApplicationStates.Applied, ApplicationStates.Escalated });
        }
        return outcomes;
    }

    private static async Task<List<(int Number, Guid Id)>> QueueAsync(MatchStoreHarness harness, string user)
    {
        await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, 50, CancellationToken.None));
        var postings = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredPosting>()
            .Where(p => p.ExternalId.StartsWith("crash-")).Select(p => new { p.Id, p.ExternalId }).ToListAsync());
        var queued = new List<(int, Guid)>();
        foreach (var posting in postings.OrderBy(p => int.Parse(p.ExternalId["crash-".Length..], System.Globalization.CultureInfo.InvariantCulture)))
        {
            var actor = ApplicationActor.Candidate(user);
            var prepared = await harness.InScopeAsync(sp => sp.GetRequiredService<Approvals>().PrepareAsync(user, posting.Id, actor, CancellationToken.None));
            Assert.NotNull(prepared);
            var approved = await harness.InScopeAsync(sp => sp.GetRequiredService<Approvals>().ApproveAsync(user, prepared.Id, prepared.Revision, actor, CancellationToken.None));
            Assert.Equal(ApplicationStates.Queued, approved.Application?.State);
            queued.Add((int.Parse(posting.ExternalId["crash-".Length..], System.Globalization.CultureInfo.InvariantCulture), prepared.Id));
        }
        Assert.Equal(Runs, queued.Count);
        return queued;
    }

    /// <summary>`jobsmith apply --application ID` on the harness's data: the same runner as the worker, as its own process.</summary>
    private static Process Start(MatchStoreHarness harness, Guid application)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "jobsmith.dll"), "apply", "--application", application.ToString(), "--data-dir", harness.Database.Folder })
            start.ArgumentList.Add(arg);
        // Sends to one site (all of these are on 127.0.0.1) without pacing, past the Free plan's monthly ten.
        start.Environment["JOBSMITH__Submissions__SecondsBetweenSendsToOneSite"] = "0";
        start.Environment["JOBSMITH__Submissions__DailyCapPerSite"] = "1000";
        start.Environment["JOBSMITH__Submissions__SendLeaseSeconds"] = "1";
        start.Environment["JOBSMITH__Plans__Catalog__free__ApplicationsPerMonth"] = "-1";
        var process = Process.Start(start)!;
        // Drain the pipes so a chatty process never blocks on a full buffer.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>Waits until the send has begun (the application is submitting) or the process has ended.</summary>
    private static async Task UntilAsync(MatchStoreHarness harness, string user, Guid id, Process sender)
    {
        while (!sender.HasExited && await StateAsync(harness, user, id) == ApplicationStates.Queued)
            await Task.Delay(50);
    }

    private static async Task<bool> ExitsAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    private static Task<string> ReasonAsync(MatchStoreHarness harness, string user, Guid id) =>
        harness.InScopeAsync(async sp => (await sp.GetRequiredService<ApplicationService>().GetAsync(user, id, CancellationToken.None))!.Application.StateReason ?? "");

    private static Task<string> StateAsync(MatchStoreHarness harness, string user, Guid id) =>
        harness.InScopeAsync(async sp => (await sp.GetRequiredService<ApplicationService>().GetAsync(user, id, CancellationToken.None))!.Application.State);
}
