using System.Collections.Concurrent;
using Jobsmith.Core.Data;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Inbox;

/// <summary>
/// IMAP IDLE (G2): where a candidate's mail server offers it, one connection per connected mailbox waits in IDLE and a
/// poll runs as soon as the server says the folder changed, so a reply is filed within seconds rather than at the
/// next periodic poll. The periodic poll (<see cref="InboxPollJob"/>) stays: it covers servers without IDLE and
/// anything that arrived while a connection was down. The set of mailboxes is re-read every
/// <see cref="InboxOptions.IdleRefreshSeconds"/>: a new or changed mailbox is watched afresh, a removed one let go.
/// Polls are idempotent, so a second worker process watching the same mailbox costs a connection, never a duplicate.
/// </summary>
public sealed partial class ImapIdleWatcher(IServiceScopeFactory scopes, IOptions<InboxOptions> options, ILogger<ImapIdleWatcher> logger) : BackgroundService
{
    // RFC 2177: a client should re-issue IDLE at least every 29 minutes; servers and NATs often drop quiet
    // connections sooner.
    private static readonly TimeSpan IdleSlice = TimeSpan.FromMinutes(9);

    private readonly ConcurrentDictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _idling = new(StringComparer.Ordinal);

    private sealed record Watch(DateTime Version, CancellationTokenSource Stop, Task Loop);

    /// <summary>Whether this process holds the user's mailbox in IDLE right now.</summary>
    public bool IsIdling(string userId) => _idling.TryGetValue(userId, out var idling) && idling;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IdleEnabled) return;
        var refresh = TimeSpan.FromSeconds(Math.Max(1, options.Value.IdleRefreshSeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ReconcileAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ReconcileFailed(logger, e.Message);
                }
                await Task.Delay(refresh, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        foreach (var watch in _watches.Values) await watch.Stop.CancelAsync();
        await Task.WhenAll(_watches.Values.Select(w => w.Loop));
    }

    private async Task ReconcileAsync(CancellationToken stoppingToken)
    {
        Dictionary<string, DateTime> wanted;
        await using (var scope = scopes.CreateAsyncScope())
        {
            wanted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<InboxSettings>().AsNoTracking()
                .Where(s => s.ImapHost != null && s.ImapUsername != null && s.ImapProtectedPassword != null)
                .ToDictionaryAsync(s => s.UserId, s => s.UpdatedAt, StringComparer.Ordinal, stoppingToken);
        }
        foreach (var (userId, watch) in _watches)
        {
            if (wanted.TryGetValue(userId, out var version) && version == watch.Version && !watch.Loop.IsCompleted) continue;
            await watch.Stop.CancelAsync();
            await watch.Loop;
            watch.Stop.Dispose();
            _watches.TryRemove(userId, out _);
        }
        foreach (var (userId, version) in wanted.Where(w => !_watches.ContainsKey(w.Key)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _watches[userId] = new Watch(version, stop, Task.Run(() => WatchAsync(userId, stop.Token), CancellationToken.None));
        }
    }

    private async Task WatchAsync(string userId, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(30);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await IdleAsync(userId, cancellationToken)) return;
                backoff = TimeSpan.FromSeconds(30);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or ImapProtocolException or ImapCommandException or MailKit.Security.AuthenticationException
                                           or MailKit.Security.SslHandshakeException or System.Net.Sockets.SocketException or ServiceNotConnectedException
                                           or FolderNotFoundException or TimeoutException or MailboxAddressException or InvalidOperationException)
            {
                // The periodic poll records the error for the candidate; here it only waits before trying again.
                WatchFailed(logger, userId, e.Message);
            }
            finally
            {
                _idling[userId] = false;
            }
            try
            {
                await Task.Delay(backoff, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(15).Ticks));
        }
    }

    /// <summary>Holds one connection in IDLE, polling on each change; false when the server cannot IDLE (the periodic poll covers it).</summary>
    private async Task<bool> IdleAsync(string userId, CancellationToken cancellationToken)
    {
        ImapClient client;
        string folderName;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<InboxSettings>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
            if (row is not { HasMailbox: true }) return false;
            var password = scope.ServiceProvider.GetRequiredService<MailboxSettings>().Password(row);
            client = await scope.ServiceProvider.GetRequiredService<ImapConnector>()
                .OpenAsync(row.ImapHost!, row.ImapPort, row.ImapSecurity, row.ImapUsername!, password, cancellationToken);
            folderName = row.ImapFolder;
        }
        using (client)
        {
            if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                NoIdle(logger, userId);
                return false;
            }
            var folder = await client.GetFolderAsync(folderName, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
            // What arrived while nobody was watching.
            await PollAsync(userId, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = false;
                using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                done.CancelAfter(IdleSlice);
                void OnChange(object? sender, EventArgs e)
                {
                    changed = true;
                    done.Cancel();
                }
                folder.CountChanged += OnChange;
                _idling[userId] = true;
                try
                {
                    await client.IdleAsync(done.Token, cancellationToken);
                }
                finally
                {
                    folder.CountChanged -= OnChange;
                }
                if (changed) await PollAsync(userId, cancellationToken);
            }
            await client.DisconnectAsync(true, CancellationToken.None);
            return true;
        }
    }

    private async Task PollAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImapPoller>().PollAsync(userId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the mailboxes to watch failed: {Reason}")]
    private static partial void ReconcileFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "IMAP IDLE for {UserId} stopped: {Reason}; the periodic poll continues")]
    private static partial void WatchFailed(ILogger logger, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The mail server of {UserId} does not offer IDLE; the periodic poll covers it")]
    private static partial void NoIdle(ILogger logger, string userId);
}
