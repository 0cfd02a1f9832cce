using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Ai.Usage;

/// <summary>
/// One call to a model (I1): chat, embedding or re-rank, with its tokens, who it was for and which agent made it —
/// what the admin's cost report is summed from. The cost is computed when read, from today's price list.
/// </summary>
public sealed class AiCall
{
    public Guid Id { get; set; }
    public DateTime At { get; set; }
    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    /// <summary>One of <see cref="AiCallKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public int DurationMs { get; set; }
    public bool Failed { get; set; }
    public string? UserId { get; set; }
    public string? Agent { get; set; }
}

public static class AiCallKinds
{
    public const string Chat = "chat";
    public const string Embedding = "embedding";
    public const string Rerank = "rerank";
}

internal sealed class AiCallConfiguration : IEntityTypeConfiguration<AiCall>
{
    public void Configure(EntityTypeBuilder<AiCall> builder)
    {
        builder.ToTable("ai_calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Provider).HasMaxLength(40).IsRequired();
        builder.Property(c => c.Model).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Kind).HasMaxLength(20).IsRequired();
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Agent).HasMaxLength(100);
        // Reports read a time window, overall or for one candidate.
        builder.HasIndex(c => c.At);
        builder.HasIndex(c => new { c.UserId, c.At });
    }
}
