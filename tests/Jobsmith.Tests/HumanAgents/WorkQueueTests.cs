using System.Text;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.HumanAgents;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.HumanAgents;

/// <summary>F5 and F6 on both databases: claim, open, complete with proof or return; a send that needs checking gets a verdict.</summary>
public sealed class WorkQueueTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_agent_claims_opens_and_completes_with_proof_and_it_is_never_sent_again(string provider)
    {
        await using var h = await HumanAgentsHarness.CreateAsync(provider);
        var agent = await h.AddAgentAsync();
        var other = await h.AddAgentAsync(available: false);
        var (user, apps) = await h.QueuedAsync("done@example.com");
        await h.ProcessAsync(await h.EscalateAsync(user, apps[0], EscalationReasons.Captcha, "reCAPTCHA"));
        var id = (await h.OpenAssignmentAsync(apps[0])).Id;

        Assert.Equal("assigned", Assert.Single(await h.QueueAsync(q => q.ListAsync(agent, CancellationToken.None))).Status);
        Assert.Empty(await h.QueueAsync(q => q.ListAsync(other, CancellationToken.None)));
        // Material stays closed until the agent takes the job on, and to everyone else.
        Assert.Null(await h.QueueAsync(q => q.OpenAsync(agent, id, CancellationToken.None)));
        Assert.Equal(QueueStatus.Conflict, (await h.QueueAsync(q => q.CompleteAsync(agent, id, "done", null, null, CancellationToken.None))).Status);
        Assert.Equal(QueueStatus.NotFound, (await h.QueueAsync(q => q.ClaimAsync(other, id, CancellationToken.None))).Status);

        Assert.Equal(QueueStatus.Done, (await h.QueueAsync(q => q.ClaimAsync(agent, id, CancellationToken.None))).Status);
        Assert.Null(await h.QueueAsync(q => q.OpenAsync(other, id, CancellationToken.None)));
        var material = await h.QueueAsync(q => q.OpenAsync(agent, id, CancellationToken.None));
        Assert.NotNull(material);
        Assert.Equal("priya.raman@example.com", material.Candidate.Email);
        Assert.False(string.IsNullOrEmpty(material.Assignment.Company));
        Assert.Equal(QueueStatus.NotFound, (await h.QueueAsync(q => q.CompleteAsync(other, id, "mine now", null, null, CancellationToken.None))).Status);

        var proof = Encoding.UTF8.GetBytes("Thank you for applying to Acme.");
        var done = await h.QueueAsync(q => q.CompleteAsync(agent, id, "Solved the CAPTCHA and submitted.", null, new ProofUpload("confirmation.txt", proof), CancellationToken.None));

        Assert.Equal(QueueStatus.Done, done.Status);
        Assert.Equal(("completed", "sent"), (done.Assignment!.Status, done.Assignment.Outcome));
        var stored = await h.OpenAssignmentAsyncOrLast(apps[0]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(proof)), stored.ProofSha256);
        Assert.Equal(proof, await File.ReadAllBytesAsync(Path.Combine(h.Store.Database.Folder, stored.ProofPath!)));
        var detail = await h.ApplicationAsync(user, apps[0]);
        Assert.Equal("applied", detail!.Application.State);
        Assert.Contains(detail.Log, l => l is { ToState: "applied", ActorKind: ApplicationActor.HumanAgentKind } && l.ActorId == agent);
        // The send is on record, so no channel sends it again.
        var record = await h.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<SendRecord>().AsNoTracking().SingleAsync(s => s.ApplicationId == apps[0]));
        Assert.Equal((SendStatus.Sent, ChannelNames.HumanAgent), (record.Status, record.Channel));
        Assert.Equal(QueueStatus.Conflict, (await h.QueueAsync(q => q.CompleteAsync(agent, id, "again", null, null, CancellationToken.None))).Status);
        Assert.Null(await h.QueueAsync(q => q.OpenAsync(agent, id, CancellationToken.None)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claims_at_once_give_one_winner_and_a_reassignment_racing_a_claim_gives_one_too(string provider)
    {
        await using var h = await HumanAgentsHarness.CreateAsync(provider);
        var agent = await h.AddAgentAsync();
        var (user, apps) = await h.QueuedAsync("race@example.com", 2);
        await h.ProcessAsync(await h.EscalateAsync(user, apps[0], EscalationReasons.LoginWall, "Sign in"));
        var id = (await h.OpenAssignmentAsync(apps[0])).Id;

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.QueueAsync(q => q.ClaimAsync(agent, id, CancellationToken.None)))));
        Assert.Single(claims, c => c.Status == QueueStatus.Done);
        Assert.All(claims.Where(c => c.Status != QueueStatus.Done), c => Assert.Equal(QueueStatus.Conflict, c.Status));

        // A second agent joins; an admin moves the other application's unclaimed assignment to them while the first agent claims it.
        var second = await h.AddAgentAsync();
        await h.ProcessAsync(await h.EscalateAsync(user, apps[1], EscalationReasons.LoginWall, "Sign in"));
        var next = await h.OpenAssignmentAsync(apps[1]);
        var holder = next.AgentUserId;
        var newcomer = holder == agent ? second : agent;
        var admin = await h.Store.AddCandidateAsync("admin-ish@example.com");
        var claim = Task.Run(() => h.QueueAsync(q => q.ClaimAsync(holder, next.Id, CancellationToken.None)));
        var move = Task.Run(() => h.InScopeAsync(sp => sp.GetRequiredService<HumanAgentAdmin>().AssignAsync(apps[1], newcomer, admin, CancellationToken.None)));
        var (claimed, moved) = (await claim, await move);

        var after = await h.OpenAssignmentAsync(apps[1]);
        if (claimed.Status == QueueStatus.Done)
        {
            Assert.Equal(AdminAssignStatus.Conflict, moved.Status);
            Assert.Equal((holder, "claimed"), (after.AgentUserId, after.Status));
        }
        else
        {
            Assert.Equal(AdminAssignStatus.Assigned, moved.Status);
            Assert.Equal((newcomer, "assigned"), (after.AgentUserId, after.Status));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_send_that_needs_checking_takes_the_agents_verdict(string provider)
    {
        await using var h = await HumanAgentsHarness.CreateAsync(provider);
        var checker = await h.AddAgentAsync(true, 5, ExpertiseTags.NeedsChecking);
        await h.AddAgentAsync(true, 5, EscalationReasons.Captcha);
        var (user, apps) = await h.QueuedAsync("check@example.com", 2);

        // Both sends time out after the final click: the channel cannot tell, SendGuard escalates and publishes the event.
        var events = new List<Guid>();
        foreach (var app in apps)
        {
            Assert.Equal(SendDecision.Go, (await h.InScopeAsync(sp => sp.GetRequiredService<SendGuard>().BeginAsync(user, app, ChannelNames.BrowserForm, null, CancellationToken.None))).Decision);
            await h.InScopeAsync(sp => sp.GetRequiredService<SendGuard>().CompleteAsync(user, app, SendStatus.Unknown, "Timed out after the final click", CancellationToken.None));
            events.Add(await h.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Jobsmith.Core.Agents.AgentEvent>()
                .Where(e => e.Type == Jobsmith.Core.Agents.EventTypes.Escalated && e.PayloadJson.Contains(app.ToString())).Select(e => e.Id).SingleAsync()));
        }
        foreach (var e in events) await h.ProcessAsync(e);
        var sent = await h.OpenAssignmentAsync(apps[0]);
        var notSent = await h.OpenAssignmentAsync(apps[1]);
        Assert.All(new[] { sent, notSent }, a => Assert.Equal((checker, ExpertiseTags.NeedsChecking), (a.AgentUserId, a.Reason)));
        foreach (var a in new[] { sent, notSent }) await h.QueueAsync(q => q.ClaimAsync(checker, a.Id, CancellationToken.None));
        Assert.True((await h.QueueAsync(q => q.GetAsync(checker, sent.Id, CancellationToken.None)))!.NeedsVerdict);

        Assert.Equal(QueueStatus.Invalid, (await h.QueueAsync(q => q.CompleteAsync(checker, sent.Id, "Looked", null, null, CancellationToken.None))).Status);
        Assert.Equal(QueueStatus.Invalid, (await h.QueueAsync(q => q.ReturnAsync(checker, sent.Id, "Try again", ReturnTargets.Retry, CancellationToken.None))).Status);

        Assert.Equal(QueueStatus.Done, (await h.QueueAsync(q => q.CompleteAsync(checker, sent.Id, "Confirmation email arrived", SendVerdict.Sent, null, CancellationToken.None))).Status);
        Assert.Equal("applied", (await h.ApplicationAsync(user, apps[0]))!.Application.State);
        Assert.Equal(SendDecision.AlreadySent, (await h.InScopeAsync(sp => sp.GetRequiredService<SendGuard>().BeginAsync(user, apps[0], ChannelNames.BrowserForm, null, CancellationToken.None))).Decision);

        Assert.Equal(QueueStatus.Done, (await h.QueueAsync(q => q.CompleteAsync(checker, notSent.Id, "The site has no application from her", SendVerdict.NotSent, null, CancellationToken.None))).Status);
        Assert.Equal("queued", (await h.ApplicationAsync(user, apps[1]))!.Application.State);
        // Queued again, it may be sent again, under the same key.
        var again = await h.InScopeAsync(sp => sp.GetRequiredService<SendGuard>().BeginAsync(user, apps[1], ChannelNames.BrowserForm, null, CancellationToken.None));
        Assert.Equal((SendDecision.Go, SendGuard.KeyFor(apps[1])), (again.Decision, again.IdempotencyKey));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Returned_work_is_queued_for_another_try_or_handed_to_the_candidate(string provider)
    {
        await using var h = await HumanAgentsHarness.CreateAsync(provider);
        var first = await h.AddAgentAsync();
        var (user, apps) = await h.QueuedAsync("back@example.com", 2);
        await h.ProcessAsync(await h.EscalateAsync(user, apps[0], EscalationReasons.Complexity, "Form too complex"));
        await h.ProcessAsync(await h.EscalateAsync(user, apps[1], EscalationReasons.UnknownQuestion, "Asks for a portfolio password"));
        var retry = await h.OpenAssignmentAsync(apps[0]);
        var toCandidate = await h.OpenAssignmentAsync(apps[1]);

        Assert.Equal(QueueStatus.Invalid, (await h.QueueAsync(q => q.ReturnAsync(first, retry.Id, " ", ReturnTargets.Retry, CancellationToken.None))).Status);
        Assert.Equal(QueueStatus.Done, (await h.QueueAsync(q => q.ReturnAsync(first, retry.Id, "The form reloaded; worth another automatic try", ReturnTargets.Retry, CancellationToken.None))).Status);
        Assert.Equal("queued", (await h.ApplicationAsync(user, apps[0]))!.Application.State);

        await h.QueueAsync(q => q.ClaimAsync(first, toCandidate.Id, CancellationToken.None));
        Assert.Equal(QueueStatus.Done, (await h.QueueAsync(q => q.ReturnAsync(first, toCandidate.Id, "Only she knows the portfolio password", ReturnTargets.Candidate, CancellationToken.None))).Status);
        Assert.Equal("escalated", (await h.ApplicationAsync(user, apps[1]))!.Application.State);
        Assert.Contains(await h.NotificationsAsync(user), n => n.Body.Contains("portfolio password", StringComparison.Ordinal));

        // Escalated again, it goes to someone else when someone else can take it.
        var second = await h.AddAgentAsync();
        await h.ProcessAsync(await h.EscalateAsync(user, apps[0], EscalationReasons.Complexity, "Form too complex again"));
        Assert.Equal(second, (await h.OpenAssignmentAsync(apps[0])).AgentUserId);
        Assert.Equal(2, (await h.AssignmentsAsync(apps[0])).Count);
    }
}
