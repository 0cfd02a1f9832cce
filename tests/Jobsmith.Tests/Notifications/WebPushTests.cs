using System.Text.Json;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Preferences;
using Jobsmith.Core.Notifications.Push;
using Jobsmith.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Tests.Notifications;

/// <summary>
/// G3 Web Push end to end against a loopback push service: the request a real push service would get (VAPID token
/// signed with the install's key, for its origin, with the configured contact) carrying a body only the
/// subscribed browser's keys decrypt; gone subscriptions removed; preferences obeyed; one key pair per install.
/// </summary>
public sealed class WebPushTests
{
    private const string Subject = "mailto:ops@jobsmith.test";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_notification_reaches_the_browser_signed_with_VAPID_and_encrypted_to_its_keys(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var service = await PushServiceStandIn.StartAsync();
        using var host = await StartAsync(database);
        var userId = await RegisterAsync(host, "push-reach@example.com");
        using var browser = new PushReceiver();
        await SubscribeAsync(host, userId, browser.Subscription(service.Endpoint("/push/browser-1")));

        Notification interview;
        await using (var scope = host.Services.CreateAsyncScope())
            interview = await scope.ServiceProvider.GetRequiredService<NotificationCenter>()
                .NotifyAsync(userId, NotificationTypes.Interview, "Interview with Lumen Data", "Tuesday 10:00, video call", default);

        var request = Assert.Single(service.Requests);
        Assert.Equal("/push/browser-1", request.Path);
        var publicKey = (await host.Services.GetRequiredService<VapidKeys>().GetAsync(default)).PublicKey;
        var claims = PushReceiver.VerifyVapid(request.Authorization, publicKey);
        Assert.Equal(service.Origin, claims.GetProperty("aud").GetString());
        Assert.Equal(Subject, claims.GetProperty("sub").GetString());
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        var now = TimeProvider.System.GetUtcNow();
        Assert.InRange(expires, now, now.AddHours(24));
        Assert.Equal("aes128gcm", request.ContentEncoding);
        Assert.Equal("high", request.Urgency);
        Assert.Equal("86400", request.Ttl);

        var payload = JsonDocument.Parse(browser.Decrypt(request.Body)).RootElement;
        Assert.Equal("Interview with Lumen Data", payload.GetProperty("title").GetString());
        Assert.Equal("Tuesday 10:00, video call", payload.GetProperty("body").GetString());
        Assert.Equal("/interviews", payload.GetProperty("url").GetString());
        Assert.Equal(interview.Id, payload.GetProperty("id").GetGuid());
        Assert.Equal(NotificationTypes.Interview, payload.GetProperty("type").GetString());

        // A notification staged with another change and published after the save goes out the same way, at normal urgency.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var center = scope.ServiceProvider.GetRequiredService<NotificationCenter>();
            var staged = center.Stage(userId, NotificationTypes.ApplicationUpdate, "Application sent", "Backend Engineer at Lumen Data");
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            await center.PublishAsync(staged, default);
        }
        Assert.Equal(2, service.Requests.Count);
        var update = service.Requests[1];
        Assert.Null(update.Urgency);
        Assert.Equal("Application sent", JsonDocument.Parse(browser.Decrypt(update.Body)).RootElement.GetProperty("title").GetString());

        var stored = Assert.Single(await ListAsync(host, userId));
        Assert.NotNull(stored.LastSuccessAt);
        Assert.Null(stored.LastFailure);
        await host.StopAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_gone_subscription_is_removed_and_other_failures_are_recorded_without_failing_the_notification(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var service = await PushServiceStandIn.StartAsync();
        using var host = await StartAsync(database);
        var userId = await RegisterAsync(host, "push-gone@example.com");
        using var live = new PushReceiver();
        using var gone = new PushReceiver();
        using var broken = new PushReceiver();
        await SubscribeAsync(host, userId, live.Subscription(service.Endpoint("/push/live")));
        await SubscribeAsync(host, userId, gone.Subscription(service.Endpoint("/gone/uninstalled")));
        await SubscribeAsync(host, userId, broken.Subscription(service.Endpoint("/broken/overloaded")));

        PushOutcome outcome;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var notification = await scope.ServiceProvider.GetRequiredService<NotificationCenter>()
                .NotifyAsync(userId, NotificationTypes.Offer, "Offer from Lumen Data", "Congratulations", default);
            // The center swallowed nothing it should not have: sending again shows what each browser did.
            outcome = await scope.ServiceProvider.GetRequiredService<NotificationPushes>().SendAsync(notification, default);
        }

        Assert.Equal(5, service.Requests.Count); // three for the notification, two more for the resend (the gone one is deleted)
        Assert.Equal(new PushOutcome(Delivered: 1, Removed: 0, Failed: 1), outcome);
        var left = await ListAsync(host, userId);
        Assert.DoesNotContain(left, s => s.Endpoint.Contains("/gone/", StringComparison.Ordinal));
        Assert.NotNull(Assert.Single(left, s => s.Endpoint.EndsWith("/push/live", StringComparison.Ordinal)).LastSuccessAt);
        var failed = Assert.Single(left, s => s.Endpoint.Contains("/broken/", StringComparison.Ordinal));
        Assert.NotNull(failed.LastFailureAt);
        Assert.StartsWith("HTTP 500", failed.LastFailure, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_type_switched_off_is_not_pushed_and_the_master_switch_stops_every_type(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var service = await PushServiceStandIn.StartAsync();
        using var host = await StartAsync(database);
        var userId = await RegisterAsync(host, "push-prefs@example.com");
        using var browser = new PushReceiver();
        await SubscribeAsync(host, userId, browser.Subscription(service.Endpoint("/push/prefs")));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var preferences = scope.ServiceProvider.GetRequiredService<NotificationPreferences>();
            var center = scope.ServiceProvider.GetRequiredService<NotificationCenter>();
            await preferences.UpdateAsync(userId, null, null, null,
                new Dictionary<string, ChannelChoice> { [NotificationTypes.Offer] = new(Email: true, Sms: true, Push: false) }, default);
            await center.NotifyAsync(userId, NotificationTypes.Offer, "Offer from Lumen Data", "Not by push, please", default);
            Assert.Empty(service.Requests);
            // Another type the user left on still goes out: the switch is per type.
            await center.NotifyAsync(userId, NotificationTypes.Interview, "Interview with Lumen Data", "Tuesday", default);
            Assert.Equal("Interview with Lumen Data",
                JsonDocument.Parse(browser.Decrypt(Assert.Single(service.Requests).Body)).RootElement.GetProperty("title").GetString());

            await preferences.UpdateAsync(userId, null, null, push: false, null, default);
            await center.NotifyAsync(userId, NotificationTypes.Interview, "Second interview", "Thursday", default);
            // A type that is not in the catalogue (the welcome message) never goes by push.
            await preferences.UpdateAsync(userId, null, null, push: true, null, default);
            await center.NotifyAsync(userId, "welcome", "Welcome to Jobsmith", "Hello", default);
        }
        Assert.Single(service.Requests);
        await host.StopAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_hosts_starting_at_once_on_one_database_end_with_one_key_pair(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var warnings = new WarningCollector();
        using var first = Build(database, services: s => s.AddSingleton<ILoggerProvider>(warnings));
        using var second = Build(database, services: s => s.AddSingleton<ILoggerProvider>(warnings));
        // The schema as an earlier release left it, so the race is over the key pair alone.
        await using (var scope = first.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
        // Model, connections and data-protection keys warmed up on both nodes, so the racers meet at the insert.
        foreach (var node in new[] { first, second })
        {
            await using var scope = node.Services.CreateAsyncScope();
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<VapidKey>().AnyAsync());
            scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("x");
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = new[] { first, second }.SelectMany(h => Enumerable.Range(0, 6).Select(_ => ActivatorUtilities.CreateInstance<VapidKeys>(h.Services))).ToList();
        var uses = racers.Select(k => Task.Run(async () => { await go.Task; return await k.GetAsync(default); })).ToList();
        var starts = new[] { first, second }.Select(h => Task.Run(async () => { await go.Task; await h.StartAsync(); })).ToList();
        go.SetResult();
        await Task.WhenAll(starts);
        var pairs = await Task.WhenAll(uses);
        pairs = [.. pairs, await first.Services.GetRequiredService<VapidKeys>().GetAsync(default), await second.Services.GetRequiredService<VapidKeys>().GetAsync(default)];

        await using (var scope = first.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<VapidKey>().AsNoTracking().ToListAsync();
            var row = Assert.Single(rows);
            Assert.All(pairs, p => Assert.Equal(row.PublicKey, p.PublicKey));
            Assert.All(pairs, p => Assert.Equal(pairs[0].PrivateKey, p.PrivateKey));
            // At rest the private key is protected, not the key itself.
            Assert.DoesNotContain(pairs[0].PrivateKey, row.ProtectedPrivateKey, StringComparison.Ordinal);
        }
        Assert.Equal(65, System.Buffers.Text.Base64Url.DecodeFromChars(pairs[0].PublicKey).Length);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(pairs[0].PrivateKey).Length);
        // The nodes' own start-up got the pair too, rather than losing the race and putting it off.
        Assert.DoesNotContain(warnings.Messages, m => m.Contains("Web Push keys", StringComparison.Ordinal));
        foreach (var racer in racers) racer.Dispose();

        // One start rarely lines the racers up exactly; more first starts (the table emptied, as on a new install) do.
        for (var round = 0; round < 20; round++)
        {
            await using (var scope = first.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<VapidKey>().ExecuteDeleteAsync();
            var again = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var fresh = new[] { first, second }.SelectMany(h => Enumerable.Range(0, 6).Select(_ => ActivatorUtilities.CreateInstance<VapidKeys>(h.Services))).ToList();
            var got = fresh.Select(k => Task.Run(async () => { await again.Task; return await k.GetAsync(default); })).ToList();
            again.SetResult();
            var roundPairs = await Task.WhenAll(got);
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var row = Assert.Single(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<VapidKey>().AsNoTracking().ToListAsync());
                Assert.All(roundPairs, p => Assert.Equal(row.PublicKey, p.PublicKey));
            }
            foreach (var racer in fresh) racer.Dispose();
        }
        await first.StopAsync();
        await second.StopAsync();
    }

    [SkippableFact]
    public async Task A_push_to_a_loopback_endpoint_is_refused_at_connect_time_when_loopback_is_not_allowed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using var service = await PushServiceStandIn.StartAsync();
        using var host = await StartAsync(database, allowLoopback: false);
        var userId = await RegisterAsync(host, "push-ssrf@example.com");
        using var browser = new PushReceiver();
        // As if the name had pointed elsewhere when the browser subscribed: the row is there, the address is not allowed.
        var request = browser.Subscription(service.Endpoint("/push/internal"));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Contains("endpoint", (await scope.ServiceProvider.GetRequiredService<PushSubscriptions>().ProblemsAsync(request, default)).Keys);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new WebPushSubscription
            {
                Id = Guid.NewGuid(), UserId = userId, Endpoint = request.Endpoint!, P256dh = request.Keys!.P256dh!, Auth = request.Keys.Auth!,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<NotificationCenter>().NotifyAsync(userId, NotificationTypes.Interview, "Interview", "Tuesday", default);
        }

        Assert.Empty(service.Requests);
        var stored = Assert.Single(await ListAsync(host, userId));
        Assert.StartsWith("refused:", stored.LastFailure, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Subscribing_again_updates_the_browser_and_another_user_subscribing_it_takes_it_over(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = await StartAsync(database);
        var first = await RegisterAsync(host, "push-first@example.com");
        var second = await RegisterAsync(host, "push-second@example.com");
        using var browser = new PushReceiver();
        using var renewed = new PushReceiver();
        const string endpoint = "http://127.0.0.1:9/push/shared-browser";

        await SubscribeAsync(host, first, browser.Subscription(endpoint));
        await SubscribeAsync(host, first, renewed.Subscription(endpoint));
        var mine = Assert.Single(await ListAsync(host, first));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<WebPushSubscription>().AsNoTracking().SingleAsync();
            Assert.Equal(renewed.Subscription(endpoint).Keys!.P256dh, row.P256dh);
        }

        await SubscribeAsync(host, second, browser.Subscription(endpoint));
        Assert.Empty(await ListAsync(host, first));
        Assert.Equal(mine.Endpoint, Assert.Single(await ListAsync(host, second)).Endpoint);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var subscriptions = scope.ServiceProvider.GetRequiredService<PushSubscriptions>();
            Assert.False(await subscriptions.UnsubscribeAsync(first, endpoint, default));
            Assert.True(await subscriptions.UnsubscribeAsync(second, endpoint, default));
        }
        Assert.Empty(await ListAsync(host, second));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("http://push.example.com/send/1", "https")]
    [InlineData("https://10.1.2.3/send/1", "public push service")]
    [InlineData("https://192.168.0.10/send/1", "public push service")]
    [InlineData("https://169.254.169.254/latest/meta-data", "public push service")]
    [InlineData("https://[fd00::1]/send/1", "public push service")]
    [InlineData("https://127.0.0.1/send/1", "public push service")]
    [InlineData("https://localhost/send/1", "public push service")]
    [InlineData("http://127.0.0.1:8080/send/1", "https")]
    [InlineData("https://user:secret@push.example.com/send/1", "user name or password")]
    [InlineData("ftp://push.example.com/send/1", "https")]
    [InlineData("/send/1", "absolute")]
    [InlineData("", "required")]
    public async Task Endpoints_that_are_not_https_to_a_public_address_are_refused(string endpoint, string problem)
    {
        var policy = new PushEndpointPolicy(Options.Create(new PushOptions()));
        var refusal = await policy.ProblemAsync(endpoint, default);
        Assert.NotNull(refusal);
        Assert.Contains(problem, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_longer_than_the_limit_is_refused_and_loopback_http_is_allowed_only_for_tests()
    {
        var strict = new PushEndpointPolicy(Options.Create(new PushOptions()));
        var tests = new PushEndpointPolicy(Options.Create(new PushOptions { AllowLoopbackForTests = true }));
        Assert.Contains("at most 1024", await strict.ProblemAsync("https://203.0.114.9/" + new string('a', 1100), default), StringComparison.Ordinal);
        Assert.Null(await strict.ProblemAsync("https://8.8.8.8/fcm/send/abc", default));
        Assert.Null(await tests.ProblemAsync("http://127.0.0.1:8080/send/1", default));
        // Loopback for tests never opens the private ranges.
        Assert.NotNull(await tests.ProblemAsync("https://10.0.0.1/send/1", default));
        Assert.NotNull(await tests.ProblemAsync("http://10.0.0.1/send/1", default));
    }

    private static IHost Build(TestDatabase database, bool allowLoopback = true, Action<IServiceCollection>? services = null) => TestHost.Build(database, services: s =>
    {
        services?.Invoke(s);
        s.Configure<PushOptions>(o => { o.AllowLoopbackForTests = allowLoopback; o.Subject = Subject; });
        // Every node of an install shares its data-protection keys, as the web host's key folder is shared.
        s.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.Folder, "keys"))).SetApplicationName("jobsmith-push-tests");
    });

    private static async Task<IHost> StartAsync(TestDatabase database, bool allowLoopback = true)
    {
        var host = Build(database, allowLoopback);
        await host.StartAsync();
        return host;
    }

    private sealed class WarningCollector : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(WarningCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) owner.Messages.Enqueue(formatter(state, exception));
            }
        }
    }

    private static async Task<string> RegisterAsync(IHost host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(email, "a-long-password-1", null, default)).Id;
    }

    private static async Task SubscribeAsync(IHost host, string userId, PushSubscribeRequest request)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var subscriptions = scope.ServiceProvider.GetRequiredService<PushSubscriptions>();
        Assert.Empty(await subscriptions.ProblemsAsync(request, default));
        await subscriptions.SubscribeAsync(userId, request, "Test browser", default);
    }

    private static async Task<IReadOnlyList<PushSubscriptionView>> ListAsync(IHost host, string userId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PushSubscriptions>().ListAsync(userId, default);
    }
}
