using System.Net;
using Jobsmith.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Support;

/// <summary>Owner-scoping checks (A2): another user's rows are invisible and untouchable, not merely forbidden.</summary>
public static class CrossUserScenario
{
    public static async Task<Notification> NotifyAsync(JobsmithWebApp app, string userId, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationCenter>().NotifyAsync(userId, "test", title, "body", CancellationToken.None);
    }

    public static async Task AssertIsolatedAsync(HttpClient client, string ownerId, string ownerToken, string intruderToken, Guid notificationId, string title)
    {
        using (var mark = await client.SendAsync(HttpMethod.Put, $"/api/notifications/{notificationId}/read", intruderToken))
            Assert.Equal(HttpStatusCode.NotFound, mark.StatusCode);
        using (var list = await client.SendAsync(HttpMethod.Get, "/api/notifications", intruderToken))
        {
            var body = await list.Content.ReadAsStringAsync();
            Assert.DoesNotContain(title, body, StringComparison.Ordinal);
            Assert.DoesNotContain(ownerId, body, StringComparison.Ordinal);
        }
        // The owner's registration queued a welcome task for them; none of it shows in the intruder's list.
        using (var tasks = await client.SendAsync(HttpMethod.Get, "/api/agents/tasks", intruderToken))
            Assert.DoesNotContain(ownerId, await tasks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var readAll = await client.SendAsync(HttpMethod.Put, "/api/notifications/read-all", intruderToken))
            Assert.Equal(HttpStatusCode.OK, readAll.StatusCode);

        // The intruder's read-all left the owner's notification unread; the owner can still mark it.
        using (var ownerList = await client.SendAsync(HttpMethod.Get, "/api/notifications", ownerToken))
        {
            var body = await ownerList.Content.ReadAsStringAsync();
            Assert.Contains(title, body, StringComparison.Ordinal);
            Assert.Contains("\"readAt\":null", body, StringComparison.Ordinal);
        }
        using var own = await client.SendAsync(HttpMethod.Put, $"/api/notifications/{notificationId}/read", ownerToken);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
    }
}
