using System.Diagnostics;
using Jobsmith.Core.Data;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobsmith.Web.Tests.ScaleOut;

/// <summary>
/// Scale-out (issue 12, G3 across nodes): two processes in role Web on one PostgreSQL database behind nginx. Chromium,
/// signed in through nginx, holds the notification stream open on node A; the candidate's plan change is made on
/// node B, whose notification reaches A's stream only through PostgreSQL LISTEN/NOTIFY.
/// </summary>
public sealed class TwoWebNodesBehindNginxTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const float BrowserTimeout = 60_000;

    [SkippableFact]
    public async Task A_notification_raised_on_node_B_reaches_a_browser_streaming_from_node_A_through_nginx()
    {
        Infrastructure.Require(File.Exists(NginxProxy.ExecutablePath), "nginx not found: run scripts/setup.sh --test");
        await using var chromium = await ChromiumSession.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Postgres);
        var clock = Stopwatch.StartNew();
        var settings = database.Settings("Web");

        // A first, so B starts on a migrated database instead of migrating alongside it.
        await using var nodeA = NodeProcess.Start(settings);
        await nodeA.WaitReadyAsync(StartTimeout);
        await using var nodeB = NodeProcess.Start(settings);
        await nodeB.WaitReadyAsync(StartTimeout);
        output.WriteLine($"two web nodes ready after {clock.Elapsed.TotalSeconds:0.0} s");

        // The stream goes to A and everything else (sign-in, the plan change) to B, so the event must cross nodes.
        // SSE settings as in deploy/nginx.conf: no buffering, a read timeout longer than any quiet spell.
        await using var nginx = await NginxProxy.StartAsync(port => $$"""
                server {
                    listen 127.0.0.1:{{port}};
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    location = /api/notifications/stream {
                        proxy_pass http://127.0.0.1:{{nodeA.Port}};
                        proxy_buffering off;
                        proxy_cache off;
                        proxy_read_timeout 1h;
                    }
                    location / {
                        proxy_pass http://127.0.0.1:{{nodeB.Port}};
                    }
                }
            """);

        using var api = new HttpClient { BaseAddress = nodeB.BaseAddress };
        var email = ApiCalls.UniqueEmail("scale");
        var candidate = await api.RegisterAsync(email);

        await using var browser = await SignedInBrowser.SignInAsync(chromium.Browser, nginx.BaseAddress, email, ApiCalls.Password, BrowserTimeout);
        var page = browser.Page;
        await page.EvaluateAsync("""
            () => {
              window.streamEvents = [];
              const source = new EventSource('/api/notifications/stream');
              source.addEventListener('ready', () => window.streamReady = true);
              source.addEventListener('notification', e => window.streamEvents.push(e.data));
            }
            """);
        await page.WaitForFunctionAsync("() => window.streamReady === true", null, new() { Timeout = BrowserTimeout });

        using (var upgrade = await api.SendAsync(HttpMethod.Post, "/api/subscriptions/upgrade", candidate.AccessToken, """{"plan":"pro"}"""))
            Assert.True(upgrade.IsSuccessStatusCode, $"upgrade on node B: {(int)upgrade.StatusCode} {await upgrade.Content.ReadAsStringAsync()}");
        var raised = Stopwatch.StartNew();

        var arrived = await page.WaitForFunctionAsync("() => window.streamEvents.find(e => e.includes('Pro plan')) ?? null", null,
            new() { Timeout = BrowserTimeout });
        output.WriteLine($"notification from B reached the browser on A in {raised.ElapsedMilliseconds} ms: {await arrived.JsonValueAsync<string>()}");
        output.WriteLine($"total {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(browser.Problems);
    }
}
