using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Inbox;

/// <summary>Where an inbound email came from.</summary>
public static class InboundSources
{
    public const string Imap = "imap";
    public const string Postmark = "postmark";
    public const string Mailgun = "mailgun";
    public const string SendGrid = "sendgrid";
    public const string Upload = "upload";
}

/// <summary>How an email was tied to its application: its thread headers, the sender's domain, or the job's title and company.</summary>
public static class MatchMethods
{
    public const string Thread = "thread";
    public const string Domain = "domain";
    public const string Title = "title";
    /// <summary>The candidate filed it by hand (an email nothing matched, or one matched to the wrong application).</summary>
    public const string Candidate = "candidate";
}

/// <summary>
/// One email an employer sent the candidate (G2), kept with the application it answers (or none when it matched
/// nothing). Unique per candidate and Message-ID, so the same message imported twice is kept once. The text is the
/// decoded body, untrusted; attachments are listed, not stored.
/// </summary>
public sealed class InboundEmail
{
    public const int MaxText = 20_000;

    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid? ApplicationId { get; set; }
    public string MessageId { get; set; } = "";
    public string? InReplyTo { get; set; }
    public string FromAddress { get; set; } = "";
    public string? FromName { get; set; }
    public string Subject { get; set; } = "";
    public string BodyText { get; set; } = "";
    /// <summary>[{fileName, contentType, size}] of the attachments.</summary>
    public string AttachmentsJson { get; set; } = "[]";
    public string Source { get; set; } = "";
    public string Category { get; set; } = ReplyCategories.Other;
    /// <summary>"rules" or "llm".</summary>
    public string ClassifiedBy { get; set; } = "rules";
    public string ClassificationReason { get; set; } = "";
    public string? MatchedBy { get; set; }
    /// <summary>What the reply did (the move, or why there was none), for the candidate to read.</summary>
    public string? Outcome { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>Null until the move, notification, feedback and event are done; an import that died before them finishes them on the next try.</summary>
    public DateTime? EffectsAppliedAt { get; set; }
}

internal sealed class InboundEmailConfiguration : IEntityTypeConfiguration<InboundEmail>
{
    public void Configure(EntityTypeBuilder<InboundEmail> builder)
    {
        builder.ToTable("inbound_emails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.MessageId).HasMaxLength(MimeReader.MaxMessageId).IsRequired();
        builder.Property(e => e.InReplyTo).HasMaxLength(MimeReader.MaxMessageId);
        builder.Property(e => e.FromAddress).HasMaxLength(320).IsRequired();
        builder.Property(e => e.FromName).HasMaxLength(200);
        builder.Property(e => e.Subject).HasMaxLength(500).IsRequired();
        builder.Property(e => e.BodyText).IsRequired();
        builder.Property(e => e.AttachmentsJson).IsRequired();
        builder.Property(e => e.Source).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Category).HasMaxLength(20).IsRequired();
        builder.Property(e => e.ClassifiedBy).HasMaxLength(10).IsRequired();
        builder.Property(e => e.ClassificationReason).HasMaxLength(500).IsRequired();
        builder.Property(e => e.MatchedBy).HasMaxLength(20);
        builder.Property(e => e.Outcome).HasMaxLength(500);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Applications.JobApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.SetNull);
        // Idempotency is the database's: a second import of one message, even a concurrent one, loses the insert race.
        builder.HasIndex(e => new { e.UserId, e.MessageId }).IsUnique();
        builder.HasIndex(e => new { e.ApplicationId, e.ReceivedAt });
        builder.HasIndex(e => new { e.UserId, e.ReceivedAt });
    }
}
