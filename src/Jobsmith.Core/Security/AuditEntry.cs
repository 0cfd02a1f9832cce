using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Security;

/// <summary>One security-relevant action (L3). Never holds secrets: details are short, human-readable notes.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTime At { get; set; }
    public string Action { get; set; } = "";
    public string? UserId { get; set; }
    public string? ActorId { get; set; }
    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasIndex(e => new { e.UserId, e.At });
    }
}
