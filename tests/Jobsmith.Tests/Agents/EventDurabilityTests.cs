using Jobsmith.Core.Accounts;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Agents;

/// <summary>K2: an event committed before a restart is processed after it, exactly once, by a durable job.</summary>
public sealed class EventDurabilityTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Event_written_before_a_restart_is_processed_after_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string userId;

        // First process: a web-only node. It commits the registration and its event, but runs no jobs.
        using (var web = TestHost.Build(database, role: "Web"))
        {
            await web.StartAsync();
            await using var scope = web.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync("restart@example.com", "a-long-password-1", null, default);
            userId = user.Id;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = await db.Set<AgentEvent>().SingleAsync(e => e.UserId == userId);
            Assert.Null(pending.ProcessedAt);
            await web.StopAsync();
        }

        // Second process: a worker starts, finds the event, and runs the welcome agent for it.
        using var worker = TestHost.Build(database, role: "All");
        await worker.StartAsync();
        await TestHost.WaitUntilAsync(async () =>
        {
            await using var scope = worker.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.Set<AgentEvent>().AnyAsync(e => e.UserId == userId && e.ProcessedAt != null);
        }, TimeSpan.FromSeconds(30), "the registration event to be processed");

        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var task = await db.Set<AgentTask>().SingleAsync(t => t.UserId == userId);
            Assert.Equal(AgentTaskStatus.Completed, task.Status);
            Assert.Equal("notifications", task.Agent);
            Assert.NotNull(task.StartedAt);
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.Type == "welcome"));
        }
        await worker.StopAsync();
    }

    [SkippableFact]
    public async Task Failing_agent_is_retried_then_recorded_as_failed()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var agent = new FailingAgent();
        using var host = TestHost.Build(database, services: s =>
        {
            s.AddSingleton(agent);
            s.AddScoped<IAgent>(sp => sp.GetRequiredService<FailingAgent>());
        });
        await host.StartAsync();
        Guid eventId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            eventId = scope.ServiceProvider.GetRequiredService<EventPublisher>().Publish("test.fails", null, new { n = 1 }).Id;
            await db.SaveChangesAsync();
        }

        // Agents:MaxAttempts defaults to 5; the test host sets a 0.2 s base delay, so all attempts finish quickly.
        await TestHost.WaitUntilAsync(() => Task.FromResult(agent.Calls >= 5), TimeSpan.FromSeconds(30), "five attempts");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.Set<AgentEvent>().SingleAsync(e => e.Id == eventId);
            Assert.Null(row.ProcessedAt);
            Assert.Contains("boom", row.LastError, StringComparison.Ordinal);
            var task = await db.Set<AgentTask>().SingleAsync(t => t.EventId == eventId);
            Assert.Equal(AgentTaskStatus.Failed, task.Status);
        }
        await host.StopAsync();
        Assert.Equal(5, agent.Calls);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_handler_that_dies_after_its_effect_does_not_repeat_the_effect_on_retry(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var calls = new CallCounter();
        using var host = TestHost.Build(database, services: s =>
        {
            s.AddSingleton(calls);
            s.AddScoped<IAgent, CrashAfterEffectAgent>();
        });
        await host.StartAsync();
        string userId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync($"crash-{provider}@example.com", "a-long-password-1", null, default)).Id;
            scope.ServiceProvider.GetRequiredService<EventPublisher>().Publish("test.crash-after-effect", userId, new { n = 1 });
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await TestHost.WaitUntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AgentEvent>()
                .AnyAsync(e => e.Type == "test.crash-after-effect" && e.ProcessedAt != null);
        }, TimeSpan.FromSeconds(30), "the event to be processed after one failed attempt");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(2, calls.Value);
            // The first attempt's notification was saved, then the handler died: it must not survive next to the retry's.
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.Type == "test"));
        }
        await host.StopAsync();
    }

    private sealed class CallCounter
    {
        private int _value;

        public int Value => _value;

        public int Next() => Interlocked.Increment(ref _value);
    }

    // Saves its effect, then dies the first time — a crash between the effect and the task's completion.
    private sealed class CrashAfterEffectAgent(NotificationCenter notifications, CallCounter calls) : IAgent
    {
        public string AgentName => Jobsmith.Core.Flags.FeatureFlagCatalog.Notifications;

        public bool Accepts(string eventType) => eventType == "test.crash-after-effect";

        public async Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
        {
            var call = calls.Next();
            await notifications.NotifyAsync(agentEvent.UserId!, "test", "Effect", $"attempt {call}", cancellationToken);
            if (call == 1) throw new InvalidOperationException("died after the effect");
            return new AgentOutcome("done");
        }
    }

    private sealed class FailingAgent : IAgent
    {
        private int _calls;

        public int Calls => _calls;

        public string AgentName => Jobsmith.Core.Flags.FeatureFlagCatalog.Notifications;

        public bool Accepts(string eventType) => eventType == "test.fails";

        public Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("boom");
        }
    }
}
