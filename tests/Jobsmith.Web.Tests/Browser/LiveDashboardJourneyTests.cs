using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// G1 with G2 in Chromium: the candidate has the dashboard open when the employer's reply arrives through the
/// Postmark inbound webhook; the reply turns the application into "interview" and the open dashboard's pipeline and
/// activity feed show it without a reload — at desktop and phone width.
/// </summary>
public sealed class LiveDashboardJourneyTests
{
    private const float SlowMachineTimeout = 90_000;
    private const string PostmarkSecret = "a-long-shared-secret-for-tests";

    [SkippableFact]
    public async Task An_inbound_reply_moves_the_application_to_interview_and_the_open_dashboard_updates_live()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using var app = new JobsmithWebApp(database, new Dictionary<string, string?>
        {
            ["Inbox:PostmarkUsername"] = "postmark", ["Inbox:PostmarkPassword"] = PostmarkSecret,
        });
        var seed = await CandidateSeed.CreateAsync(app);
        var application = await Tracking.TrackingApiTests.AppliedAsync(app, seed);

        await using var chromium = await ChromiumSession.StartAsync();
        await using var browser = await SignedInBrowser.SignInAsync(chromium.Browser, app.BaseAddress, seed.Email, ApiCalls.Password, SlowMachineTimeout);
        var page = browser.Page;
        await page.GotoAsync("/dashboard");
        var interview = page.Locator("[data-stage=interview] .pipeline-count");
        Assert.Equal("0", await interview.InnerTextAsync());
        Assert.Equal("1", await page.Locator("[data-stage=sent] .pipeline-count").InnerTextAsync());
        // The stream is open before the reply comes, as it is for a candidate who keeps the tab open.
        await page.Locator("#live-notifications[data-connected=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("live-dashboard-before-desktop"), FullPage = true });

        using (var client = app.CreateApiClient())
        using (var reply = await PostReplyAsync(app, client, seed.UserId, application))
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        // No reload: the pulse from the dispatched events swaps the live panels in.
        await Assertions.Expect(interview).ToHaveTextAsync("1", new() { Timeout = SlowMachineTimeout });
        Assert.Equal("0", await page.Locator("[data-stage=sent] .pipeline-count").InnerTextAsync());
        Assert.Contains("Interview", await page.Locator("#activity-feed").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("live-dashboard-after-desktop"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        Assert.Equal("1", await interview.InnerTextAsync());
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the dashboard is wider than a phone screen");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("live-dashboard-after-phone"), FullPage = true });
        Assert.Empty(browser.Problems);
    }

    /// <summary>The employer's answer to the sent application, as Postmark posts it: threaded by In-Reply-To, to the candidate's address.</summary>
    private static async Task<HttpResponseMessage> PostReplyAsync(JobsmithWebApp app, HttpClient client, string userId, Guid application)
    {
        string address;
        await using (var scope = app.Services.CreateAsyncScope())
            address = await scope.ServiceProvider.GetRequiredService<InboundAddresses>().AddressAsync(userId, CancellationToken.None);
        var json = JsonSerializer.Serialize(new
        {
            FromFull = new { Email = "laura@lumen-data.example", Name = "Laura Becker" },
            To = address,
            ToFull = new[] { new { Email = address, Name = "" } },
            OriginalRecipient = address,
            Subject = "Re: Your application",
            MessageID = "postmark-dashboard-1",
            TextBody = "Thank you for applying. We would like to invite you to an interview. What times would work for you next week?",
            Headers = new[]
            {
                new { Name = "Message-ID", Value = $"<reply-{application:N}@lumen-data.example>" },
                new { Name = "In-Reply-To", Value = $"<{SentMessageIds.For(application, "jobsmith.example")}>" },
            },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/postmark") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"postmark:{PostmarkSecret}")));
        return await client.SendAsync(request);
    }
}
