using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Realtime;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Notifications;

/// <summary>G3: a notification created on one node reaches the user's stream on another node (PostgreSQL).</summary>
public sealed class RealtimeFanoutTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notification_from_one_node_reaches_a_stream_on_another(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var streamNode = TestHost.Build(database, role: "Web");
        await streamNode.StartAsync();
        // On SQLite there is one node by design; the same host plays both parts.
        using var otherNode = provider == DatabaseProviders.Postgres ? TestHost.Build(database, role: "Web") : null;
        if (otherNode is not null) await otherNode.StartAsync();
        var senderServices = (otherNode ?? streamNode).Services;

        string userId;
        await using (var scope = senderServices.CreateAsyncScope())
            userId = (await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync("fanout@example.com", "a-long-password-1", null, default)).Id;

        using var subscription = streamNode.Services.GetRequiredService<RealtimeBroker>().Subscribe(userId);
        // The LISTEN connection starts in the background; publish until the first message lands.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        RealtimeMessage? received = null;
        while (received is null)
        {
            await using (var scope = senderServices.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<NotificationCenter>().NotifyAsync(userId, "test", "Interview invitation", "Tuesday 10:00", timeout.Token);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            wait.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                received = await subscription.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
            {
            }
        }

        Assert.Equal("Interview invitation", received.Title);
        Assert.Equal("Tuesday 10:00", received.Body);
        if (otherNode is not null) await otherNode.StopAsync();
        await streamNode.StopAsync();
    }
}
