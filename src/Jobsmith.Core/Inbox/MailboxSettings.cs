using Jobsmith.Core.Data;
using Jobsmith.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Inbox;

/// <summary>A mailbox to connect; the password is only ever written, never read back out.</summary>
public sealed record MailboxConnect(string Host, int Port, string Security, string Username, string Password, string? Folder);

/// <summary>What a candidate sees of their connected mailbox: no password.</summary>
public sealed record MailboxView(string? Host, int Port, string Security, string? Username, string Folder, bool Connected, DateTime? LastPolledAt, string? LastError);

/// <summary>
/// Connecting a candidate's mailbox (G2). The password is encrypted at rest with data protection (as source API keys
/// are) and decrypted only for a poll; the audit log records that a mailbox changed, never the password.
/// Changing the mailbox starts polling afresh.
/// </summary>
public sealed class MailboxSettings(AppDbContext db, InboundAddresses addresses, IDataProtectionProvider protection, AuditLog audit, TimeProvider clock)
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

    public async Task<MailboxView> ConnectAsync(string userId, MailboxConnect connect, CancellationToken cancellationToken)
    {
        if (Problem(connect) is { } problem) throw new ArgumentException(problem, nameof(connect));
        var row = await addresses.SettingsAsync(userId, cancellationToken);
        row.ImapHost = connect.Host.Trim();
        row.ImapPort = connect.Port;
        row.ImapSecurity = connect.Security;
        row.ImapUsername = connect.Username.Trim();
        row.ImapProtectedPassword = _protector.Protect(connect.Password);
        row.ImapFolder = string.IsNullOrWhiteSpace(connect.Folder) ? "INBOX" : connect.Folder.Trim();
        row.UidValidity = 0;
        row.LastUid = 0;
        row.LastError = null;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("inbox.mailbox_connected", userId, $"{row.ImapUsername} at {row.ImapHost}:{row.ImapPort}");
        await db.SaveChangesAsync(cancellationToken);
        return View(row);
    }

    public async Task<MailboxView> GetAsync(string userId, CancellationToken cancellationToken) =>
        View(await db.Set<InboxSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken) ?? new InboxSettings());

    /// <summary>The decrypted password for one poll; never logged.</summary>
    internal string Password(InboxSettings row) => _protector.Unprotect(row.ImapProtectedPassword ?? throw new InvalidOperationException("No mailbox is connected."));

    private static MailboxView View(InboxSettings row) =>
        new(row.ImapHost, row.ImapPort, row.ImapSecurity, row.ImapUsername, row.ImapFolder, row.HasMailbox, row.LastPolledAt, row.LastError);
}
