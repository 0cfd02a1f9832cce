using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Inbox;

/// <summary>How the IMAP connection is secured.</summary>
public static class ImapSecurity
{
    public const string Ssl = "ssl";
    public const string StartTls = "starttls";
    /// <summary>Plain text: only for a server on the same machine (tests, a local bridge).</summary>
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [Ssl, StartTls, None];
}

/// <summary>
/// A candidate's inbox settings (G2): the token in their inbound address (webhooks are routed by it) and the
/// mailbox they connected, with its password encrypted at rest, and where polling got to: the folder's UIDVALIDITY
/// and the highest UID imported, so a restart fetches only what is new.
/// </summary>
public sealed class InboxSettings
{
    public string UserId { get; set; } = "";
    public string InboundToken { get; set; } = "";
    public string? ImapHost { get; set; }
    public int ImapPort { get; set; } = 993;
    public string ImapSecurity { get; set; } = Inbox.ImapSecurity.Ssl;
    public string? ImapUsername { get; set; }
    /// <summary>Data-protected; never logged, never returned.</summary>
    public string? ImapProtectedPassword { get; set; }
    public string ImapFolder { get; set; } = "INBOX";
    public long UidValidity { get; set; }
    public long LastUid { get; set; }
    public DateTime? LastPolledAt { get; set; }
    public string? LastError { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool HasMailbox => !string.IsNullOrEmpty(ImapHost) && !string.IsNullOrEmpty(ImapUsername) && ImapProtectedPassword is not null;
}

internal sealed class InboxSettingsConfiguration : IEntityTypeConfiguration<InboxSettings>
{
    public void Configure(EntityTypeBuilder<InboxSettings> builder)
    {
        builder.ToTable("inbox_settings");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.InboundToken).HasMaxLength(64).IsRequired();
        builder.Property(s => s.ImapHost).HasMaxLength(255);
        builder.Property(s => s.ImapSecurity).HasMaxLength(10).IsRequired();
        builder.Property(s => s.ImapUsername).HasMaxLength(320);
        builder.Property(s => s.ImapFolder).HasMaxLength(200).IsRequired();
        builder.Property(s => s.LastError).HasMaxLength(1000);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.InboundToken).IsUnique();
    }
}
