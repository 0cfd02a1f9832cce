using Jobsmith.Core.Data;
using Jobsmith.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Inbox;

/// <summary>A mailbox to connect; the password is only ever written, never read back out.</summary>
public sealed record MailboxConnect(string Host, int Port, string Security, string Username, string Password, string? Folder);

/// <summary>The mailbox as stored, or why it was not: the fields were wrong, or the server refused the sign-in.</summary>
public sealed record MailboxConnectResult(MailboxView? Mailbox, string? Error);

/// <summary>What a candidate sees of their connected mailbox: no password.</summary>
public sealed record MailboxView(string? Host, int Port, string Security, string? Username, string Folder, bool Connected, DateTime? LastPolledAt, string? LastError);

/// <summary>
/// Connecting a candidate's mailbox (G2). The password is encrypted at rest with data protection (as source API keys
/// are) and decrypted only for a poll; the audit log records that a mailbox changed, never the password.
/// Nothing is stored until the server accepted the sign-in and the folder opened, so a typo is told at once rather than
/// found as a failed poll later. Changing the mailbox starts polling afresh.
/// </summary>
public sealed class MailboxSettings(AppDbContext db, InboundAddresses addresses, ImapConnector connector, IDataProtectionProvider protection, AuditLog audit,
    TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Jobsmith.Inbox.ImapPassword");

    public static string? Problem(MailboxConnect connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        if (string.IsNullOrWhiteSpace(connect.Host) || connect.Host.Length > 255 || connect.Host.Any(char.IsWhiteSpace)) return "host must be a server name.";
        if (connect.Port is < 1 or > 65535) return "port must be between 1 and 65535.";
        if (!ImapSecurity.All.Contains(connect.Security)) return $"security must be one of {string.Join(", ", ImapSecurity.All)}.";
        if (string.IsNullOrWhiteSpace(connect.Username) || connect.Username.Length > 320) return "username is required.";
        if (string.IsNullOrEmpty(connect.Password) || connect.Password.Length > 1000) return "password is required.";
        return null;
    }

    public async Task<MailboxConnectResult> ConnectAsync(string userId, MailboxConnect connect, CancellationToken cancellationToken)
    {
        if (Problem(connect) is { } problem) return new(null, char.ToUpperInvariant(problem[0]) + problem[1..]);
        var folder = string.IsNullOrWhiteSpace(connect.Folder) ? "INBOX" : connect.Folder.Trim();
        if (await CheckAsync(connect, folder, cancellationToken) is { } refused) return new(null, refused);
        var row = await addresses.SettingsAsync(userId, cancellationToken);
        row.ImapHost = connect.Host.Trim();
        row.ImapPort = connect.Port;
        row.ImapSecurity = connect.Security;
        row.ImapUsername = connect.Username.Trim();
        row.ImapProtectedPassword = _protector.Protect(connect.Password);
        row.ImapFolder = folder;
        row.UidValidity = 0;
        row.LastUid = 0;
        row.LastError = null;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("inbox.mailbox_connected", userId, $"{row.ImapUsername} at {row.ImapHost}:{row.ImapPort}");
        await db.SaveChangesAsync(cancellationToken);
        return new(View(row), null);
    }

    /// <summary>Forgets the mailbox (the password with it); the emails already imported stay with their applications.</summary>
    public async Task<bool> DisconnectAsync(string userId, CancellationToken cancellationToken)
    {
        var removed = await db.Set<InboxSettings>().Where(s => s.UserId == userId && s.ImapHost != null).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ImapHost, (string?)null).SetProperty(x => x.ImapUsername, (string?)null)
            .SetProperty(x => x.ImapProtectedPassword, (string?)null).SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.UidValidity, 0L).SetProperty(x => x.LastUid, 0L)
            .SetProperty(x => x.UpdatedAt, clock.GetUtcNow().UtcDateTime), cancellationToken) > 0;
        if (removed)
        {
            audit.Record("inbox.mailbox_disconnected", userId, null);
            await db.SaveChangesAsync(cancellationToken);
        }
        return removed;
    }

    /// <summary>Signs in and opens the folder; returns what went wrong in words a person can act on, or null.</summary>
    private async Task<string?> CheckAsync(MailboxConnect connect, string folder, CancellationToken cancellationToken)
    {
        var where = $"{connect.Host.Trim()}:{connect.Port}";
        try
        {
            using var client = await connector.OpenAsync(connect.Host.Trim(), connect.Port, connect.Security, connect.Username.Trim(), connect.Password, cancellationToken);
            var opened = await client.GetFolderAsync(folder, cancellationToken);
            await opened.OpenAsync(MailKit.FolderAccess.ReadOnly, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return null;
        }
        catch (MailboxAddressException e) { return e.Message; }
        catch (MailKit.Security.AuthenticationException) { return $"{where} refused the user name or password. Some providers need an app password for IMAP."; }
        catch (MailKit.FolderNotFoundException) { return $"The folder \"{folder}\" does not exist in this mailbox."; }
        catch (MailKit.Security.SslHandshakeException) { return $"The secure connection to {where} failed; check the port and the security setting (SSL is usually port 993, STARTTLS 143)."; }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException or MailKit.Net.Imap.ImapProtocolException
                                       or MailKit.Net.Imap.ImapCommandException or MailKit.ServiceNotConnectedException or NotSupportedException)
        {
            // MailKit's messages never include the password.
            return $"Could not connect to {where}: {e.Message}".Truncate(500);
        }
    }

    public async Task<MailboxView> GetAsync(string userId, CancellationToken cancellationToken) =>
        View(await db.Set<InboxSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken) ?? new InboxSettings());

    /// <summary>The decrypted password for one poll; never logged.</summary>
    internal string Password(InboxSettings row) => _protector.Unprotect(row.ImapProtectedPassword ?? throw new InvalidOperationException("No mailbox is connected."));

    private static MailboxView View(InboxSettings row) =>
        new(row.ImapHost, row.ImapPort, row.ImapSecurity, row.ImapUsername, row.ImapFolder, row.HasMailbox, row.LastPolledAt, row.LastError);
}
