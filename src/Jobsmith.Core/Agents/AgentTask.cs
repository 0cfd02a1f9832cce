using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Agents;

public enum AgentTaskStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>One run of an agent (K1): what went in, what came out, how long, and why it failed.</summary>
public sealed class AgentTask
{
    public Guid Id { get; set; }
    public string Agent { get; set; } = "";
    public string? UserId { get; set; }
    public Guid? EventId { get; set; }
    public AgentTaskStatus Status { get; set; }
    public string InputJson { get; set; } = "{}";
    public string? Output { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
}

internal sealed class AgentTaskConfiguration : IEntityTypeConfiguration<AgentTask>
{
    public void Configure(EntityTypeBuilder<AgentTask> builder)
    {
        builder.ToTable("agent_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Agent).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.InputJson).IsRequired();
        builder.Property(t => t.Error).HasMaxLength(4000);
        builder.HasIndex(t => new { t.UserId, t.CreatedAt });
        builder.HasIndex(t => new { t.Agent, t.Status });
        builder.HasIndex(t => new { t.Agent, t.CreatedAt });
        builder.HasIndex(t => new { t.EventId, t.Agent }).IsUnique();
    }
}
