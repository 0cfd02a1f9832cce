using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Applications;

/// <summary>F6, F8 on both databases: a send is recorded before it happens, happens once, and is never retried blindly.</summary>
public sealed class SendGuardTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_send_is_allowed_once_and_a_completed_one_is_never_allowed_again(string provider)
    {
        var clock = new ManualClock();
        await using var harness = await MatchStoreHarness.CreateAsync(provider, s => s.AddSingleton<TimeProvider>(clock));
        var (user, id) = await QueuedAsync(harness);

        var permit = await Begin(harness, user, id);
        Assert.Equal((SendDecision.Go, SendGuard.KeyFor(id)), (permit.Decision, permit.IdempotencyKey));
        var applied = await Complete(harness, user, id, SendStatus.Sent, "Confirmation page shown");
        Assert.Equal("applied", applied!.State);

        Assert.Equal(SendDecision.AlreadySent, (await Begin(harness, user, id)).Decision);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(SendDecision.AlreadySent, (await Begin(harness, user, id)).Decision);
        Assert.Equal(1, await SubmittedEventsAsync(harness, user));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_worker_that_died_after_sending_leaves_the_send_for_a_person_to_check_not_to_repeat(string provider)
    {
        var clock = new ManualClock();
        await using var harness = await MatchStoreHarness.CreateAsync(provider, s => s.AddSingleton<TimeProvider>(clock));
        var (user, id) = await QueuedAsync(harness);

        Assert.Equal(SendDecision.Go, (await Begin(harness, user, id)).Decision);
        // The worker sends, then dies before CompleteAsync. Its retry comes back while the lease runs...
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SendDecision.InFlight, (await Begin(harness, user, id)).Decision);
        // ...and again after it: the outcome is unknown, so a person checks.
        clock.Advance(TimeSpan.FromSeconds(new SubmissionOptions().SendLeaseSeconds));
        var check = await Begin(harness, user, id);
        Assert.Equal(SendDecision.NeedsChecking, check.Decision);
        Assert.StartsWith("Needs checking", check.Reason, StringComparison.Ordinal);
        Assert.Equal(SendDecision.NeedsChecking, (await Begin(harness, user, id)).Decision);

        var detail = await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().GetAsync(user, id, CancellationToken.None));
        Assert.Equal("escalated", detail!.Application.State);
        Assert.StartsWith("Needs checking", detail.Application.StateReason, StringComparison.Ordinal);
        Assert.Equal(1, detail.Log.Count(l => l.ToState == "submitting"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Workers_beginning_the_same_send_at_once_get_one_permit(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var (user, id) = await QueuedAsync(harness);

        var permits = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Begin(harness, user, id))));

        Assert.Single(permits, p => p.Decision == SendDecision.Go);
        Assert.All(permits.Where(p => p.Decision != SendDecision.Go), p => Assert.Contains(p.Decision, new[] { SendDecision.InFlight, SendDecision.Conflict, SendDecision.NotQueued }));
        var attempts = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<SendRecord>().Where(s => s.ApplicationId == id).Select(s => s.Attempts).SingleAsync());
        Assert.Equal(1, attempts);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_send_refused_before_it_left_can_be_queued_again_with_the_same_key(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var (user, id) = await QueuedAsync(harness);
        Assert.Equal(SendDecision.Go, (await Begin(harness, user, id)).Decision);
        Assert.Equal("failed", (await Complete(harness, user, id, SendStatus.NotSent, "SMTP server refused the connection"))!.State);
        Assert.Equal(SendDecision.NotQueued, (await Begin(harness, user, id)).Decision);

        await Move(harness, user, id, "queued");
        var again = await Begin(harness, user, id);

        Assert.Equal((SendDecision.Go, SendGuard.KeyFor(id)), (again.Decision, again.IdempotencyKey));
        var attempts = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<SendRecord>().Where(s => s.ApplicationId == id).Select(s => s.Attempts).SingleAsync());
        Assert.Equal(2, attempts);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_company_or_domain_on_the_do_not_contact_list_is_never_sent_to(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var (user, id) = await QueuedAsync(harness);
        var company = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<JobApplication>().Where(a => a.Id == id)
            .Join(sp.GetRequiredService<AppDbContext>().Set<Jobsmith.Core.Jobs.Store.StoredPosting>(), a => a.PostingId, p => p.Id, (a, p) => p.Company).SingleAsync());
        await harness.InScopeAsync(sp => sp.GetRequiredService<Suppressions>().AddAsync(user, "domain", "https://www.Blocked-Example.com/careers", CancellationToken.None));
        await harness.InScopeAsync(sp => sp.GetRequiredService<Suppressions>().AddAsync(user, "company", "  " + company.ToUpperInvariant() + " ", CancellationToken.None));

        var permit = await Begin(harness, user, id);

        Assert.Equal(SendDecision.Suppressed, permit.Decision);
        Assert.Contains($"company {company.ToLowerInvariant()}", permit.Reason, StringComparison.Ordinal);
        var entries = await harness.InScopeAsync(sp => sp.GetRequiredService<Suppressions>().ListAsync(user, CancellationToken.None));
        Assert.Contains(entries, e => e is { Kind: "domain", Value: "blocked-example.com" });
        Assert.Equal("withdrawn", (await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().GetAsync(user, id, CancellationToken.None)))!.Application.State);
        Assert.False(await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<SendRecord>().AnyAsync(s => s.ApplicationId == id)));
    }

    [Theory]
    [InlineData("domain", "https://www.Acme.com/jobs?x=1", "acme.com")]
    [InlineData("domain", "jobs@mail.acme.com", "mail.acme.com")]
    [InlineData("domain", "ACME.COM.", "acme.com")]
    [InlineData("email", " Recruiter@Acme.com ", "recruiter@acme.com")]
    [InlineData("company", " Acme  ", "acme")]
    public void Entries_are_stored_in_one_normal_form(string kind, string given, string stored) =>
        Assert.Equal(stored, Suppressions.Normalize(kind, given));

    private static async Task<(string User, Guid Application)> QueuedAsync(MatchStoreHarness harness)
    {
        var user = await harness.AddCandidateAsync("sender@example.com");
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, 1, CancellationToken.None));
        var id = (await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>()
            .StartAsync(user, run.Matches[0].PostingId, ApplicationActor.Candidate(user), CancellationToken.None)))!.Id;
        foreach (var state in new[] { "drafted", "awaiting_approval", "approved", "queued" }) await Move(harness, user, id, state);
        return (user, id);
    }

    private static async Task Move(MatchStoreHarness harness, string user, Guid id, string to) =>
        Assert.Equal(ApplicationMoveStatus.Moved, (await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>()
            .MoveAsync(user, id, to, ApplicationActor.Candidate(user), null, null, CancellationToken.None))).Status);

    private static Task<SendPermit> Begin(MatchStoreHarness harness, string user, Guid id) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<SendGuard>().BeginAsync(user, id, "email", "jobs@example.org", CancellationToken.None));

    private static Task<ApplicationView?> Complete(MatchStoreHarness harness, string user, Guid id, string outcome, string details) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<SendGuard>().CompleteAsync(user, id, outcome, details, CancellationToken.None));

    private static Task<int> SubmittedEventsAsync(MatchStoreHarness harness, string user) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Jobsmith.Core.Agents.AgentEvent>()
            .CountAsync(e => e.UserId == user && e.Type == Jobsmith.Core.Agents.EventTypes.Submitted));

    /// <summary>A clock the test moves forward by hand, to step past a send's lease.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
