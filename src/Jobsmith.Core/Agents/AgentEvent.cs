using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Agents;

/// <summary>
/// A typed event (K2), written in the same transaction as the state change that caused it and dispatched
/// to a durable Quartz job afterwards. The table doubles as the audit trail of what happened.
/// </summary>
public sealed class AgentEvent
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string? UserId { get; set; }
    public string PayloadJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime? DispatchedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

internal sealed class AgentEventConfiguration : IEntityTypeConfiguration<AgentEvent>
{
    public void Configure(EntityTypeBuilder<AgentEvent> builder)
    {
        builder.ToTable("agent_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(100).IsRequired();
        builder.Property(e => e.PayloadJson).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => e.DispatchedAt);
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
    }
}
