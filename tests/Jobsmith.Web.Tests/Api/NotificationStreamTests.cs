using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Api;

/// <summary>M2 / G3: notifications reach an open Server-Sent Events stream as they are published.</summary>
public sealed class NotificationStreamTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_published_notification_arrives_on_the_users_stream(string provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateApiClient();
        var user = await client.RegisterAsync(ApiCalls.UniqueEmail("stream"));
        var other = await client.RegisterAsync(ApiCalls.UniqueEmail("bystander"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await client.SendAsync(HttpMethod.Get, "/api/notifications/stream", user.AccessToken, completion: HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        await using var events = SseParser.Create(stream).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await events.MoveNextAsync());
        Assert.Equal("ready", events.Current.EventType);

        // Another user's notification must not leak into this stream; this user's must arrive with its title.
        await CrossUserScenario.NotifyAsync(app, other.User.Id, "Not for you");
        await CrossUserScenario.NotifyAsync(app, user.User.Id, "Interview invitation from Acme");

        var titles = new List<string>();
        while (await events.MoveNextAsync())
        {
            Assert.Equal("notification", events.Current.EventType);
            var title = JsonDocument.Parse(events.Current.Data).RootElement.GetProperty("title").GetString()!;
            titles.Add(title);
            if (title == "Interview invitation from Acme") break;
        }
        Assert.Contains("Interview invitation from Acme", titles);
        Assert.DoesNotContain("Not for you", titles);
    }
}
