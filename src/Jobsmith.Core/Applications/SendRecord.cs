using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Applications;

public static class SendStatus
{
    /// <summary>Recorded before the external call; still so after it only if the process died in between.</summary>
    public const string Started = "started";
    public const string Sent = "sent";
    /// <summary>The channel knows nothing left Jobsmith (refused before sending): safe to try again.</summary>
    public const string NotSent = "not_sent";
    /// <summary>Nobody can tell whether it went out: a person checks before anything is tried again.</summary>
    public const string Unknown = "unknown";
}

/// <summary>
/// F6: the one send an application may make, written before any external call. Its idempotency key goes with the
/// send (as a Message-ID, a form field, a header) so the other side can recognise a repeat, and a record left
/// <see cref="SendStatus.Started"/> by a dead worker stops a blind retry.
/// </summary>
public sealed class SendRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Status { get; set; } = SendStatus.Started;
    public int Attempts { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>Until when a started send belongs to the worker that began it; after that it counts as interrupted.</summary>
    public DateTime LeaseUntil { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Details { get; set; }
    public int Revision { get; set; }
}

internal sealed class SendRecordConfiguration : IEntityTypeConfiguration<SendRecord>
{
    public void Configure(EntityTypeBuilder<SendRecord> builder)
    {
        builder.ToTable("send_records");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.IdempotencyKey).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Channel).HasMaxLength(30).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(20).IsRequired();
        builder.Property(s => s.Details).HasMaxLength(JobApplication.MaxDetails);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.HasOne<JobApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ApplicationId).IsUnique();
        builder.HasIndex(s => s.IdempotencyKey).IsUnique();
    }
}
