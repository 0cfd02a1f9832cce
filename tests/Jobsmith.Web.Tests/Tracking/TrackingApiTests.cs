using System.Net;
using System.Text.Json;
using Jobsmith.Core.Applications;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Tracking;

/// <summary>G4, G5 through the API on both databases: the owner schedules an interview and downloads its .ics; another candidate gets 404 for it and for the owner's report.</summary>
public sealed class TrackingApiTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Interviews_and_reports_are_the_owners_alone(string provider)
    {
        var app = await fixture.AppAsync(provider);
        using var client = app.CreateApiClient();
        var seed = await CandidateSeed.CreateAsync(app);
        var owner = (await client.LoginAsync(seed.Email)).AccessToken;
        var intruder = (await client.RegisterAsync(ApiCalls.UniqueEmail("intruder"))).AccessToken;
        var application = await AppliedAsync(app, seed);

        using var scheduled = await client.SendJsonAsync(HttpMethod.Post, "/api/interviews", owner, new
        {
            applicationId = application, startsAt = "2027-01-12T10:00", timeZone = "Europe/Berlin", durationMinutes = 45, meetingUrl = "https://meet.google.com/abc-defg-hij",
        });
        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
        var interview = JsonDocument.Parse(await scheduled.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        using (var ics = await client.SendAsync(HttpMethod.Get, $"/api/interviews/{interview}/ics", owner))
        {
            Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
            Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
            var calendar = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!;
            Assert.Equal(new DateTime(2027, 1, 12, 9, 0, 0, DateTimeKind.Utc), calendar.Events.Single().DtStart!.AsUtc);
        }
        using (var generated = await client.SendAsync(HttpMethod.Post, "/api/reports/generate", owner))
        {
            Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
            var report = JsonDocument.Parse(await generated.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            using var chart = await client.SendAsync(HttpMethod.Get, $"/api/reports/{report}/chart.png", owner);
            Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
            foreach (var path in new[] { $"/api/reports/{report}", $"/api/reports/{report}/chart.png" })
            {
                using var denied = await client.SendAsync(HttpMethod.Get, path, intruder);
                Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
            }
        }

        foreach (var (method, path, body) in new[]
                 {
                     (HttpMethod.Get, $"/api/interviews/{interview}", (string?)null),
                     (HttpMethod.Get, $"/api/interviews/{interview}/ics", null),
                     (HttpMethod.Put, $"/api/interviews/{interview}", """{"startsAt":"2027-01-13T10:00","timeZone":"UTC"}"""),
                     (HttpMethod.Post, $"/api/interviews/{interview}/cancel", null),
                     (HttpMethod.Post, "/api/interviews", $$"""{"applicationId":"{{application}}","startsAt":"2027-01-13T10:00","timeZone":"UTC"}"""),
                 })
        {
            using var response = await client.SendAsync(method, path, intruder, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
        }
        using var mine = await client.SendAsync(HttpMethod.Get, "/api/interviews", owner);
        Assert.Single(JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        using var theirs = await client.SendAsync(HttpMethod.Get, "/api/interviews", intruder);
        Assert.Empty(JsonDocument.Parse(await theirs.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
    }

    /// <summary>The seed's best match taken to "applied" through the state machine, as the submission worker would.</summary>
    internal static async Task<Guid> AppliedAsync(JobsmithWebApp app, CandidateSeed seed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var id = (await service.StartAsync(seed.UserId, seed.MatchedPostingId, ApplicationActor.Candidate(seed.UserId), CancellationToken.None))!.Id;
        foreach (var state in new[] { "drafted", "awaiting_approval", "approved", "queued", "submitting", "applied" })
            Assert.Equal(ApplicationMoveStatus.Moved, (await service.MoveAsync(seed.UserId, id, state, ApplicationActor.Agent("test"), null, null, CancellationToken.None)).Status);
        return id;
    }
}
