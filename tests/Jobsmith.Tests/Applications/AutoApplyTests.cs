using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Applications.AutoApply;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Rendering;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Applications;

/// <summary>
/// F2 on both databases: auto-apply is off until the candidate turns it on, and then approves only what their rule
/// allows — score, channel, daily cap — logging that the rule did it. Everything else stays in the approval queue.
/// </summary>
public sealed class AutoApplyTests
{
    private const string Postings = """
        external_id,title,company,location,remote,salary,description,url
        auto-mail-1,Senior Backend Engineer,Mailco,Berlin,yes,,"Remote: Python, Go, Kafka and PostgreSQL on AWS.",mailto:jobs@mailco.test
        auto-mail-2,Backend Engineer,Postbox,Berlin,yes,,"Remote: REST APIs in Python with PostgreSQL.",mailto:hiring@postbox.test
        auto-mail-3,Python Engineer,Letterbox,Berlin,yes,,"Remote: Python services on PostgreSQL and Kafka.",mailto:jobs@letterbox.test
        auto-mail-4,Platform Engineer,Inkwell,Berlin,yes,,"Remote: Python and Go services on PostgreSQL.",mailto:jobs@inkwell.test
        auto-form-1,Senior Data Engineer,Formly,Berlin,yes,,"Remote: Kafka pipelines in Python and SQL.",https://boards.greenhouse.io/formly/jobs/1
        """;

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_rule_approves_only_what_the_candidate_allowed(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider, s => s.AddDocumentRendering());
        await harness.ImportAsync(Postings);
        var user = await harness.AddCandidateAsync("auto@example.com");
        await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, 20, CancellationToken.None));
        // Scores are the matcher's business; this test fixes them so each case is about the rule alone.
        await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredMatch>().Where(m => m.UserId == user)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Score, 88)));
        var (mail1, mail2, form) = (await Prepare(harness, user, "auto-mail-1"), await Prepare(harness, user, "auto-mail-2"), await Prepare(harness, user, "auto-form-1"));

        // Off (the default): nothing moves.
        Assert.Contains("off", await Offer(harness, user, mail1), StringComparison.Ordinal);
        Assert.Equal(ApplicationStates.AwaitingApproval, await State(harness, user, mail1));

        await Save(harness, user, new AutoApplyChange(true, 90, 1, [ChannelNames.Email]));
        Assert.Contains("under 90", await Offer(harness, user, mail1), StringComparison.Ordinal);

        await Save(harness, user, new AutoApplyChange(true, 85, 1, [ChannelNames.Email]));
        Assert.Contains("not a channel the rule may use", await Offer(harness, user, form), StringComparison.Ordinal);
        Assert.Contains("approved by the rule", await Offer(harness, user, mail1), StringComparison.Ordinal);
        Assert.Equal(ApplicationStates.Queued, await State(harness, user, mail1));
        var approval = await harness.InScopeAsync(async sp => (await sp.GetRequiredService<ApplicationService>().GetAsync(user, mail1, CancellationToken.None))!
            .Log.Single(l => l.ToState == ApplicationStates.Approved));
        Assert.Equal((ApplicationActor.AgentKind, AutoApprover.ActorName), (approval.ActorKind, approval.ActorId));
        Assert.Contains("auto-apply rule", approval.Details, StringComparison.Ordinal);

        // The daily cap (one) is used: the next strong match waits for the candidate.
        Assert.Contains("today's 1", await Offer(harness, user, mail2), StringComparison.Ordinal);
        Assert.Equal(ApplicationStates.AwaitingApproval, await State(harness, user, mail2));
        Assert.Equal(ApplicationStates.AwaitingApproval, await State(harness, user, form));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Drafts_arriving_at_once_never_take_more_than_the_daily_cap(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider, s => s.AddDocumentRendering());
        await harness.ImportAsync(Postings);
        var user = await harness.AddCandidateAsync("auto-race@example.com");
        await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, 20, CancellationToken.None));
        await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredMatch>().Where(m => m.UserId == user)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Score, 95)));
        Guid[] drafts = [await Prepare(harness, user, "auto-mail-1"), await Prepare(harness, user, "auto-mail-2"), await Prepare(harness, user, "auto-mail-3")];
        await Save(harness, user, new AutoApplyChange(true, 80, 2, [ChannelNames.Email]));

        // Workers handle the three "approval requested" events at the same moment; the third one delivered three times.
        var outcomes = await Task.WhenAll(drafts.Append(drafts[2]).Append(drafts[2]).Select(d => Task.Run(() => Offer(harness, user, d))));

        var states = await Task.WhenAll(drafts.Select(d => State(harness, user, d)));
        Assert.Equal(2, states.Count(s => s == ApplicationStates.Queued));
        Assert.Equal(1, states.Count(s => s == ApplicationStates.AwaitingApproval));
        Assert.Contains(outcomes, o => o.Contains("today's 2", StringComparison.Ordinal));
        // A redelivery that lost the race must not give back the place its twin used: a later draft still finds the cap full.
        var later = await Prepare(harness, user, "auto-mail-4");
        Assert.Contains("today's 2", await Offer(harness, user, later), StringComparison.Ordinal);
        Assert.Equal(ApplicationStates.AwaitingApproval, await State(harness, user, later));
    }

    [Fact]
    public void A_rule_outside_the_safe_bounds_is_refused_with_the_field_named()
    {
        Assert.Contains("minScore", AutoApplyRules.Validate(new AutoApplyChange(true, 10, 5, [ChannelNames.Email])).Keys);
        Assert.Contains("dailyCap", AutoApplyRules.Validate(new AutoApplyChange(true, 80, 100, [ChannelNames.Email])).Keys);
        Assert.Contains("channels", AutoApplyRules.Validate(new AutoApplyChange(true, 80, 5, [ChannelNames.Manual])).Keys);
        Assert.Contains("channels", AutoApplyRules.Validate(new AutoApplyChange(true, 80, 5, [])).Keys);
        Assert.Empty(AutoApplyRules.Validate(new AutoApplyChange(false, 80, 5, [])));
        Assert.Empty(AutoApplyRules.Validate(new AutoApplyChange(true, 80, 5, [ChannelNames.Email, ChannelNames.BrowserForm])));
    }

    private static async Task<Guid> Prepare(MatchStoreHarness harness, string user, string externalId) => await harness.InScopeAsync(async sp =>
    {
        var posting = await sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().Where(p => p.ExternalId == externalId).Select(p => p.Id).SingleAsync();
        return (await sp.GetRequiredService<Approvals>().PrepareAsync(user, posting, ApplicationActor.Candidate(user), CancellationToken.None))!.Id;
    });

    /// <summary>What the auto-apply agent does with the "approval requested" event of one application.</summary>
    private static Task<string> Offer(MatchStoreHarness harness, string user, Guid application) => harness.InScopeAsync(async sp =>
    {
        var agent = sp.GetServices<IAgent>().Single(a => a.AgentName == "auto-apply");
        var outcome = await agent.HandleAsync(new AgentEvent
        {
            Id = Guid.NewGuid(), Type = EventTypes.ApprovalRequested, UserId = user, PayloadJson = $$"""{"applicationId":"{{application}}"}""",
        }, CancellationToken.None);
        return outcome.Output ?? "";
    });

    private static Task<AutoApplyView?> Save(MatchStoreHarness harness, string user, AutoApplyChange change) => harness.InScopeAsync(async sp =>
    {
        var (rule, errors) = await sp.GetRequiredService<AutoApplyRules>().SaveAsync(user, change, CancellationToken.None);
        Assert.Empty(errors);
        return rule;
    });

    private static Task<string> State(MatchStoreHarness harness, string user, Guid id) =>
        harness.InScopeAsync(async sp => (await sp.GetRequiredService<ApplicationService>().GetAsync(user, id, CancellationToken.None))!.Application.State);
}
