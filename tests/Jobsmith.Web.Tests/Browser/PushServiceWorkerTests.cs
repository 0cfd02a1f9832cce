using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Web.Components.Shared;
using Jobsmith.Web.Hosting;
using Jobsmith.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// G3 in Chromium: the Web Push service worker is served as JavaScript from the root scope, registers on an app page
/// under the real Content-Security-Policy, and shows a pushed message as a notification; the browser-notifications
/// toggle (the real PushToggle markup with js/push.js) tells the user what this browser can do.
/// </summary>
public sealed class PushServiceWorkerTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const float SlowMachineTimeout = 60_000;

    [SkippableFact]
    public async Task The_service_worker_is_served_as_javascript_and_registers_and_shows_a_push_without_a_CSP_violation()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        using (var script = await client.GetAsync("/sw.js"))
        {
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Contains(script.Content.Headers.ContentType?.MediaType, new[] { "text/javascript", "application/javascript" });
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, script.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("worker-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        }
        using (var icon = await client.GetAsync("/icon-192.png"))
            Assert.Equal("image/png", icon.Content.Headers.ContentType?.MediaType);

        var email = ApiCalls.UniqueEmail("push-sw");
        await client.RegisterAsync(email);
        await using var chromium = await ChromiumSession.StartAsync();
        await using var browser = await SignedInBrowser.SignInAsync(chromium.Browser, app.BaseAddress, email, ApiCalls.Password, SlowMachineTimeout);
        await browser.Context.GrantPermissionsAsync(["notifications"], new() { Origin = app.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var page = browser.Page;
        var cdp = await browser.Context.NewCDPSessionAsync(page);
        var registrations = new ConcurrentDictionary<string, string>();
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
                registrations[r.GetProperty("scopeURL").GetString()!] = r.GetProperty("registrationId").GetString()!;
        };
        await cdp.SendAsync("ServiceWorker.enable");
        await page.GotoAsync("/dashboard");
        await WatchCspAsync(page);

        var scope = await page.EvaluateAsync<string>("""
            navigator.serviceWorker.register("/sw.js")
              .then(() => navigator.serviceWorker.ready)
              .then(r => r.active.scriptURL.endsWith("/sw.js") ? r.scope : "wrong worker: " + r.active.scriptURL)
            """);
        Assert.Equal(new Uri(app.BaseAddress, "/").ToString(), scope);

        // What a push service delivers, handed to the worker the way DevTools' "Push" button does.
        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        await WaitUntilAsync(() => registrations.ContainsKey(scope));
        var payload = JsonSerializer.Serialize(new { title = "Interview with Lumen Data", body = "Tuesday 10:00", url = "https://elsewhere.example/phish", id = Guid.NewGuid(), type = "interview" });
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new() { ["origin"] = origin, ["registrationId"] = registrations[scope], ["data"] = payload });
        var shown = await page.WaitForFunctionAsync("""
            navigator.serviceWorker.ready.then(r => r.getNotifications()).then(list => list.length
              ? { title: list[0].title, body: list[0].body, icon: list[0].icon, url: list[0].data.url } : null)
            """, null, new() { Timeout = SlowMachineTimeout });
        var notification = (await shown.JsonValueAsync<JsonElement>());
        Assert.Equal("Interview with Lumen Data", notification.GetProperty("title").GetString());
        Assert.Equal("Tuesday 10:00", notification.GetProperty("body").GetString());
        Assert.EndsWith("/icon-192.png", notification.GetProperty("icon").GetString(), StringComparison.Ordinal);
        // A link to another site is never followed: the click would open the dashboard instead.
        Assert.Equal(new Uri(app.BaseAddress, "/dashboard").ToString(), notification.GetProperty("url").GetString());

        Assert.Empty(await CspViolationsAsync(page));
        Assert.Empty(browser.Problems);
    }

    [SkippableFact]
    public async Task The_toggle_shows_this_browser_is_off_and_says_so_when_notifications_are_blocked()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("push-toggle");
        await client.RegisterAsync(email);
        var markup = await RenderToggleAsync(app);
        Assert.Contains("data-push-toggle", markup, StringComparison.Ordinal);
        Assert.Contains("<script src=\"js/push.js\" defer></script>", markup, StringComparison.Ordinal);

        await using var chromium = await ChromiumSession.StartAsync();
        await using var browser = await SignedInBrowser.SignInAsync(chromium.Browser, app.BaseAddress, email, ApiCalls.Password, SlowMachineTimeout);
        var page = browser.Page;
        await page.GotoAsync("/dashboard");
        await WatchCspAsync(page);
        // The lead's settings page will render this component; here it is placed on a page as rendered, and its
        // script loaded as the page would load it (a script element in markup set by script does not run).
        await page.EvaluateAsync("""
            markup => {
              const holder = document.createElement("section");
              holder.id = "push-toggle-test";
              holder.innerHTML = markup;
              document.querySelector("main").prepend(holder);
              const script = document.createElement("script");
              script.src = "/js/push.js";
              document.body.append(script);
            }
            """, markup);
        var toggle = page.Locator("#push-toggle-test [data-push-toggle]");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-push-state", "off", new() { Timeout = SlowMachineTimeout });
        Assert.Equal("This browser does not get notifications.", await toggle.Locator("[data-push-status]").InnerTextAsync());
        var button = toggle.Locator("button");
        Assert.True(await button.IsEnabledAsync());
        Assert.Contains("Turn on browser notifications", await button.InnerTextAsync(), StringComparison.Ordinal);

        // The user blocks notifications for the site: the toggle says where to change that instead of failing.
        await page.EvaluateAsync("() => { Object.defineProperty(Notification, 'permission', { get: () => 'denied' }); Notification.requestPermission = () => Promise.resolve('denied'); }");
        await button.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-push-state", "denied", new() { Timeout = SlowMachineTimeout });
        Assert.Contains("blocked", await toggle.Locator("[data-push-status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await button.IsDisabledAsync());

        Assert.Empty(await CspViolationsAsync(page));
        Assert.Empty(browser.Problems);
    }

    private static async Task<string> RenderToggleAsync(JobsmithWebApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<PushToggle>(ParameterView.Empty)).ToHtmlString());
    }

    private static async Task WatchCspAsync(IPage page) => await page.EvaluateAsync("""
        () => { window.cspViolations = []; document.addEventListener("securitypolicyviolation", e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI)); }
        """);

    private static Task<string[]> CspViolationsAsync(IPage page) => page.EvaluateAsync<string[]>("window.cspViolations");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + (long)SlowMachineTimeout;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) throw new TimeoutException("the service worker registration was not reported");
            await Task.Delay(100);
        }
    }
}
