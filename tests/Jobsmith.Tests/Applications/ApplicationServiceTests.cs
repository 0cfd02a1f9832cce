using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Applications;

/// <summary>F1, F6 on both databases: one application per candidate and posting under concurrent requests, moves logged, owners only.</summary>
public sealed class ApplicationServiceTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_starts_for_one_posting_give_one_application_with_one_log_entry(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var (priya, posting) = await MatchedAsync(harness, "priya@example.com");

        var started = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => harness.InScopeAsync(sp =>
            sp.GetRequiredService<ApplicationService>().StartAsync(priya, posting, ApplicationActor.Candidate(priya), CancellationToken.None)))));

        Assert.Single(started.Select(a => a!.Id).Distinct());
        var (rows, logs) = await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Set<JobApplication>().CountAsync(a => a.UserId == priya), await db.Set<ApplicationLogEntry>().CountAsync());
        });
        Assert.Equal((1, 1), (rows, logs));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Moves_are_logged_in_order_and_an_illegal_move_is_refused_with_a_reason(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var (priya, posting) = await MatchedAsync(harness, "priya@example.com");
        var me = ApplicationActor.Candidate(priya);
        var id = (await Start(harness, priya, posting))!.Id;

        Assert.Equal(ApplicationMoveStatus.Moved, (await Move(harness, priya, id, "drafted", ApplicationActor.Agent("tailor"), "Documents ready", null)).Status);
        Assert.Equal(ApplicationMoveStatus.Moved, (await Move(harness, priya, id, "awaiting_approval", ApplicationActor.Agent("tailor"), null, null)).Status);
        var skip = await Move(harness, priya, id, "submitting", me, null, null);
        Assert.Equal(ApplicationMoveStatus.Illegal, skip.Status);
        Assert.Contains("awaiting approval cannot become submitting", skip.Error, StringComparison.Ordinal);
        Assert.Equal(ApplicationMoveStatus.Illegal, (await Move(harness, priya, id, "sent-somehow", me, null, null)).Status);
        var approved = await Move(harness, priya, id, "approved", me, "Looks right", null);
        Assert.Equal(("approved", ApplicationMoveStatus.Moved), (approved.Application!.State, approved.Status));
        Assert.Equal(["queued", "drafted", "withdrawn"], approved.Application.NextStates);

        var detail = await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().GetAsync(priya, id, CancellationToken.None));
        Assert.Equal(["matched", "drafted", "awaiting_approval", "approved"], detail!.Log.Select(l => l.ToState));
        Assert.Equal(("agent", "tailor", "Documents ready"), (detail.Log[1].ActorKind, detail.Log[1].ActorId, detail.Log[1].Details));
        Assert.Equal(("candidate", priya, "Looks right"), (detail.Log[3].ActorKind, detail.Log[3].ActorId, detail.Log[3].Details));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_approvals_at_once_apply_once_and_the_other_is_told_it_was_moved(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var (priya, posting) = await MatchedAsync(harness, "priya@example.com");
        var id = (await Start(harness, priya, posting))!.Id;
        await Move(harness, priya, id, "drafted", ApplicationActor.Agent("tailor"), null, null);
        var waiting = await Move(harness, priya, id, "awaiting_approval", ApplicationActor.Agent("tailor"), null, null);

        for (var round = 0; round < 3; round++)
        {
            var revision = waiting.Application!.Revision;
            var moves = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
                Move(harness, priya, id, "approved", ApplicationActor.Candidate(priya), null, revision))));
            Assert.Single(moves, m => m.Status == ApplicationMoveStatus.Moved);
            Assert.All(moves.Where(m => m.Status != ApplicationMoveStatus.Moved), m => Assert.Equal(ApplicationMoveStatus.Conflict, m.Status));
            // Back to the queue for the next round (approved → drafted → awaiting_approval).
            var revised = moves.Single(m => m.Status == ApplicationMoveStatus.Moved).Application!.Revision;
            await Move(harness, priya, id, "drafted", ApplicationActor.Candidate(priya), null, revised);
            waiting = await Move(harness, priya, id, "awaiting_approval", ApplicationActor.Agent("tailor"), null, null);
        }

        var detail = await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().GetAsync(priya, id, CancellationToken.None));
        Assert.Equal(3, detail!.Log.Count(l => l.ToState == "approved"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_candidate_neither_sees_nor_moves_nor_starts_on_a_posting_they_were_not_matched_with(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var (priya, posting) = await MatchedAsync(harness, "priya@example.com");
        var mallory = await harness.AddCandidateAsync("mallory@example.com");
        var id = (await Start(harness, priya, posting))!.Id;

        Assert.Null(await Start(harness, mallory, posting));
        Assert.Equal(ApplicationMoveStatus.NotFound, (await Move(harness, mallory, id, "withdrawn", ApplicationActor.Candidate(mallory), null, null)).Status);
        Assert.Null(await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().GetAsync(mallory, id, CancellationToken.None)));
        Assert.Empty(await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().ListAsync(mallory, null, 1, CancellationToken.None)));
        var counts = await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().CountByStateAsync(priya, CancellationToken.None));
        Assert.Equal(1, counts["matched"]);
    }

    private static async Task<(string User, Guid Posting)> MatchedAsync(MatchStoreHarness harness, string email)
    {
        var user = await harness.AddCandidateAsync(email);
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, 1, CancellationToken.None));
        return (user, run.Matches[0].PostingId);
    }

    private static Task<ApplicationView?> Start(MatchStoreHarness harness, string user, Guid posting) => harness.InScopeAsync(sp =>
        sp.GetRequiredService<ApplicationService>().StartAsync(user, posting, ApplicationActor.Candidate(user), CancellationToken.None));

    private static Task<ApplicationMove> Move(MatchStoreHarness harness, string user, Guid id, string to, ApplicationActor actor, string? details, int? revision) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().MoveAsync(user, id, to, actor, details, revision, CancellationToken.None));
}
