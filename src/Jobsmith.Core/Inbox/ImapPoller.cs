using Jobsmith.Core.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Inbox;

public sealed record PollResult(int Fetched, int Imported, string? Error);

/// <summary>
/// Polls a candidate's connected mailbox over IMAP with MailKit (G2). It fetches only UIDs above the last one
/// imported (all of them again if the folder's UIDVALIDITY changed), one message at a time, and moves the mark
/// after each import: a connection dropped mid-fetch loses nothing and re-imports nothing, and a restart resumes
/// where the mark is. The import itself is idempotent by Message-ID, which covers a crash between import and mark.
/// </summary>
public sealed partial class ImapPoller(AppDbContext db, MailboxSettings mailboxes, ImapConnector connector, InboxService inbox, TimeProvider clock, ILogger<ImapPoller> logger)
{
    /// <summary>At most this many messages per poll, so one huge mailbox cannot hold the worker.</summary>
    public const int BatchSize = 200;

    public async Task<PollResult> PollAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Set<InboxSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (row is not { HasMailbox: true }) return new(0, 0, "No mailbox is connected.");
        var (fetched, imported) = (0, 0);
        string? error = null;
        try
        {
            using var client = await connector.OpenAsync(row.ImapHost!, row.ImapPort, row.ImapSecurity, row.ImapUsername!, mailboxes.Password(row), cancellationToken);
            var folder = await client.GetFolderAsync(row.ImapFolder, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
            var lastUid = folder.UidValidity == row.UidValidity ? row.LastUid : 0;
            if (lastUid != row.LastUid || folder.UidValidity != row.UidValidity) await MarkAsync(userId, folder.UidValidity, lastUid, cancellationToken);
            var uids = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)lastUid + 1), UniqueId.MaxValue)), cancellationToken))
                .Where(u => u.Id > lastUid).OrderBy(u => u.Id).Take(BatchSize).ToList();
            foreach (var uid in uids)
            {
                var message = await folder.GetMessageAsync(uid, cancellationToken);
                fetched++;
                ParsedEmail? email = null;
                try
                {
                    email = MimeReader.Read(message);
                }
                catch (InboundEmailException e)
                {
                    Unreadable(logger, uid.Id, e.Message);
                }
                if (email is not null && (await inbox.ImportAsync(userId, email, InboundSources.Imap, cancellationToken)).Status == InboxImportStatus.Imported) imported++;
                await MarkAsync(userId, folder.UidValidity, uid.Id, cancellationToken);
            }
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or ImapProtocolException or ImapCommandException or AuthenticationException or SslHandshakeException
                                       or System.Net.Sockets.SocketException or ServiceNotConnectedException or FolderNotFoundException or TimeoutException
                                       or MailboxAddressException)
        {
            // The message, never the password (MailKit's messages do not include it).
            error = $"{e.GetType().Name}: {e.Message}".Truncate(1000);
            PollFailed(logger, userId, error);
        }
        await db.Set<InboxSettings>().Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.LastPolledAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(x => x.LastError, error), cancellationToken);
        return new(fetched, imported, error);
    }

    private Task<int> MarkAsync(string userId, uint uidValidity, long lastUid, CancellationToken cancellationToken) =>
        db.Set<InboxSettings>().Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.UidValidity, (long)uidValidity)
            .SetProperty(x => x.LastUid, lastUid), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMAP message {Uid} could not be read: {Reason}")]
    private static partial void Unreadable(ILogger logger, uint uid, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMAP poll for {UserId} failed: {Error}")]
    private static partial void PollFailed(ILogger logger, string userId, string error);
}
