using Jobsmith.Core.Accounts;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.HumanAgents;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.Matching.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.HumanAgents;

/// <summary>Candidates with escalated applications and human agents, on a migrated store; events run through the real processor.</summary>
internal sealed class HumanAgentsHarness(MatchStoreHarness store) : IAsyncDisposable
{
    private int _agents;

    public MatchStoreHarness Store { get; } = store;

    public static async Task<HumanAgentsHarness> CreateAsync(string provider) => new(await MatchStoreHarness.CreateAsync(provider));

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work) => Store.InScopeAsync(work);

    /// <summary>A user holding only the human_agent role, with the given profile.</summary>
    public async Task<string> AddAgentAsync(bool available = true, int max = 5, params string[] expertise)
    {
        var email = $"agent{Interlocked.Increment(ref _agents)}-{Guid.NewGuid():N}@example.com";
        var id = await InScopeAsync(async sp =>
        {
            var user = await sp.GetRequiredService<AccountService>().RegisterAsync(email, "a-long-password-1", null, CancellationToken.None);
            Assert.NotNull(await sp.GetRequiredService<AdminAccounts>().SetRolesAsync(user.Id, [Roles.HumanAgent], user.Id, CancellationToken.None));
            return user.Id;
        });
        var (agent, error) = await InScopeAsync(sp => sp.GetRequiredService<HumanAgentAdmin>().UpdateAgentAsync(id, new AgentChange(available, max, expertise), CancellationToken.None));
        Assert.Null(error);
        Assert.NotNull(agent);
        return id;
    }

    /// <summary>A candidate with <paramref name="count"/> applications, each moved to queued.</summary>
    public async Task<(string User, IReadOnlyList<Guid> Applications)> QueuedAsync(string email, int count = 1)
    {
        var user = await Store.AddCandidateAsync(email);
        var run = await InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, count, CancellationToken.None));
        var ids = new List<Guid>();
        foreach (var match in run.Matches.Take(count))
        {
            var id = (await InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().StartAsync(user, match.PostingId, ApplicationActor.Candidate(user), CancellationToken.None)))!.Id;
            foreach (var state in new[] { "drafted", "awaiting_approval", "approved", "queued" }) await MoveAsync(user, id, state);
            ids.Add(id);
        }
        Assert.Equal(count, ids.Count);
        return (user, ids);
    }

    public async Task MoveAsync(string user, Guid id, string to, string? details = null) =>
        Assert.Equal(ApplicationMoveStatus.Moved, (await InScopeAsync(sp => sp.GetRequiredService<ApplicationService>()
            .MoveAsync(user, id, to, ApplicationActor.Agent("test-pipeline"), details, null, CancellationToken.None))).Status);

    /// <summary>What a channel's pipeline does when it stops: the application escalates and the event is published with it.</summary>
    public async Task<Guid> EscalateAsync(string user, Guid id, string? code, string reason, string? screenshot = null)
    {
        await MoveAsync(user, id, ApplicationStates.Escalated, reason);
        return await PublishAsync(user, id, code, reason, screenshot);
    }

    public Task<Guid> PublishAsync(string user, Guid id, string? code, string reason, string? screenshot = null) => InScopeAsync(async sp =>
    {
        var e = sp.GetRequiredService<EventPublisher>().Publish(EventTypes.Escalated, user, new { applicationId = id, reason, code, screenshot });
        await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return e.Id;
    });

    /// <summary>Runs the event's agents as a worker would; asserts it finished without a failure.</summary>
    public async Task<string?> ProcessAsync(Guid eventId)
    {
        Assert.True(await InScopeAsync(sp => sp.GetRequiredService<AgentEventProcessor>().ProcessAsync(eventId, CancellationToken.None)));
        return await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentTask>().Where(t => t.EventId == eventId).Select(t => t.Output).SingleAsync());
    }

    public Task<List<Assignment>> AssignmentsAsync(Guid applicationId) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Assignment>().AsNoTracking().Where(a => a.ApplicationId == applicationId).ToListAsync());

    public async Task<Assignment> OpenAssignmentAsync(Guid applicationId) =>
        Assert.Single(await AssignmentsAsync(applicationId), a => AssignmentStatus.IsOpen(a.Status));

    /// <summary>The open assignment, or the latest one once it is finished.</summary>
    public async Task<Assignment> OpenAssignmentAsyncOrLast(Guid applicationId) =>
        (await AssignmentsAsync(applicationId)).OrderByDescending(a => a.AssignedAt).First();

    public Task<T> QueueAsync<T>(Func<AgentAssignments, Task<T>> work) => InScopeAsync(sp => work(sp.GetRequiredService<AgentAssignments>()));

    public Task<ApplicationDetail?> ApplicationAsync(string user, Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().GetAsync(user, id, CancellationToken.None));

    public Task<List<Jobsmith.Core.Notifications.Notification>> NotificationsAsync(string user) =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Jobsmith.Core.Notifications.Notification>().AsNoTracking().Where(n => n.UserId == user).ToListAsync());

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
