using System.Net;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Inbox;

/// <summary>
/// G2 against a real dovecot on loopback (scripts/services.sh): mail delivered to the maildir is fetched once, matched
/// and classified; a restart does not re-import; a connection dropped mid-fetch loses nothing.
/// </summary>
public sealed class ImapPollingTests
{
    private static (IPEndPoint Server, string User, string Password, string Maildir) Dovecot()
    {
        var address = Environment.GetEnvironmentVariable("JOBSMITH_TEST_IMAP");
        Infrastructure.Require(!string.IsNullOrEmpty(address), "IMAP server not configured: run scripts/services.sh start (it sets JOBSMITH_TEST_IMAP)");
        return (IPEndPoint.Parse(address!), Environment.GetEnvironmentVariable("JOBSMITH_TEST_IMAP_USER")!,
            Environment.GetEnvironmentVariable("JOBSMITH_TEST_IMAP_PASSWORD")!, Environment.GetEnvironmentVariable("JOBSMITH_TEST_IMAP_MAILDIR")!);
    }

    private static void Deliver(string maildir, byte[] raw)
    {
        // Maildir delivery: write under tmp/, then rename into new/, so the server never sees half a message.
        var name = $"{Guid.NewGuid():N}.jobsmith-test";
        File.WriteAllBytes(Path.Combine(maildir, "tmp", name), raw);
        File.Move(Path.Combine(maildir, "tmp", name), Path.Combine(maildir, "new", name));
    }

    private static void Empty(string maildir)
    {
        foreach (var sub in new[] { "new", "cur", "tmp" })
            foreach (var file in Directory.GetFiles(Path.Combine(maildir, sub))) File.Delete(file);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delivered_mail_is_fetched_once_across_restarts_and_a_dropped_fetch_loses_nothing(string provider)
    {
        var (server, user, password, maildir) = Dovecot();
        Empty(maildir);
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");
        var connected = await harness.InScopeAsync(sp => sp.GetRequiredService<MailboxSettings>().ConnectAsync(sent.UserId,
            new MailboxConnect(server.Address.ToString(), server.Port, ImapSecurity.None, user, password, null), default));
        Assert.Null(connected.Error);
        var stored = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<InboxSettings>().AsNoTracking().SingleAsync());
        Assert.DoesNotContain(password, stored.ImapProtectedPassword, StringComparison.Ordinal);

        var thread = SentMessageIds.For(sent.ApplicationId, "jobsmith.example");
        Deliver(maildir, InboxHarness.Email("Laura <laura@gmail.com>", "Re: application", "We would like to invite you to an interview. When are you free?", thread));
        Deliver(maildir, InboxHarness.Email("Stack Weekly <news@stackweekly.example>", "Issue 212", "This week in Go. Unsubscribe"));
        Deliver(maildir, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Inbox", "Data", "mime", "latin1.eml")));

        var first = await Poll(harness.Host, sent.UserId);
        Assert.Equal(new PollResult(3, 3, null), first);
        Assert.Equal("interview", await State(harness, sent.ApplicationId));
        var categories = await harness.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<InboundEmail>().AsNoTracking()
            .OrderBy(e => e.Subject).Select(e => e.Category).ToListAsync());
        Assert.Equal(["rejection", "other", "interview"], categories);

        // A restart: a new host on the same database polls again and finds nothing new.
        using (var restarted = TestHost.Build(harness.Database, role: "Web"))
            Assert.Equal(new PollResult(0, 0, null), await Poll(restarted, sent.UserId));

        Deliver(maildir, InboxHarness.Email("A <a@gmail.com>", "First of two", "Thanks for applying. We have received your application."));
        Deliver(maildir, InboxHarness.Email("B <b@gmail.com>", "Second of two", "Thanks for applying. We have received your application and will review it."));
        await using (var proxy = new DroppingImapProxy(server, dropAtFetch: 2))
        {
            await SetPort(harness, sent.UserId, proxy.Port);
            var dropped = await Poll(harness.Host, sent.UserId);
            Assert.Equal((1, 1), (dropped.Fetched, dropped.Imported));
            Assert.NotNull(dropped.Error);
        }
        await SetPort(harness, sent.UserId, server.Port);
        Assert.Equal(new PollResult(1, 1, null), await Poll(harness.Host, sent.UserId));
        Assert.Equal(5, await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<InboundEmail>().CountAsync()));
    }

    [SkippableFact]
    public async Task A_worker_holding_the_mailbox_in_idle_files_a_delivered_reply_without_waiting_for_the_periodic_poll()
    {
        var (server, user, password, maildir) = Dovecot();
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite");
        var sent = await InboxHarness.SentAsync(harness, "idle@example.com");
        var connected = await harness.InScopeAsync(sp => sp.GetRequiredService<MailboxSettings>().ConnectAsync(sent.UserId,
            new MailboxConnect(server.Address.ToString(), server.Port, ImapSecurity.None, user, password, null), default));
        Assert.Null(connected.Error);
        // Everything already in the shared test maildir is imported by the first (catch-up) poll; only the reply below is new after it.
        // A Web-role host runs no Quartz, so no periodic poll: the watcher is added by hand as a worker would have it, and
        // only IDLE can file the reply.
        using var worker = TestHost.Build(harness.Database, role: "Web", s =>
        {
            s.Configure<InboxOptions>(o => o.IdleRefreshSeconds = 1);
            s.AddSingleton<ImapIdleWatcher>();
            s.AddHostedService(sp => sp.GetRequiredService<ImapIdleWatcher>());
        });
        await worker.StartAsync();
        try
        {
            var watcher = worker.Services.GetRequiredService<ImapIdleWatcher>();
            await TestHost.WaitUntilAsync(() => Task.FromResult(watcher.IsIdling(sent.UserId)), TimeSpan.FromSeconds(60), "the mailbox held in IDLE");
            var polledBefore = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<InboxSettings>().AsNoTracking().SingleAsync(s => s.UserId == sent.UserId));

            Deliver(maildir, InboxHarness.Email("Laura <laura@gmail.com>", "Re: application", "We would like to invite you to an interview. When are you free?",
                SentMessageIds.For(sent.ApplicationId, "jobsmith.example")));
            await TestHost.WaitUntilAsync(async () => await State(harness, sent.ApplicationId) == "interview", TimeSpan.FromSeconds(30), "the reply filed through IDLE");
            var polledAfter = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<InboxSettings>().AsNoTracking().SingleAsync(s => s.UserId == sent.UserId));
            Assert.True(polledAfter.LastUid > polledBefore.LastUid);
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    private static async Task<PollResult> Poll(Microsoft.Extensions.Hosting.IHost host, string user)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImapPoller>().PollAsync(user, CancellationToken.None);
    }

    private static Task<string> State(MatchStoreHarness harness, Guid id) =>
        harness.InScopeAsync(async sp => (await sp.GetRequiredService<AppDbContext>().Set<JobApplication>().AsNoTracking().SingleAsync(a => a.Id == id)).State);

    private static Task<int> SetPort(MatchStoreHarness harness, string user, int port) => harness.InScopeAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<InboxSettings>().Where(s => s.UserId == user).ExecuteUpdateAsync(s => s.SetProperty(x => x.ImapPort, port)));
}
