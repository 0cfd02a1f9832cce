using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.HumanAgents;

/// <summary>
/// F5: how much work a human agent takes and of which kind. A user with the human_agent role gets one with the
/// defaults the first time routing or the admin view looks (so granting the role is enough to start). <see cref="Revision"/>
/// is bumped with every assignment given to the agent, so two routings at once cannot both take the last free slot.
/// </summary>
public sealed class HumanAgentProfile
{
    public const int DefaultMaxAssignments = 5;
    public const int MaxMaxAssignments = 100;

    public string UserId { get; set; } = "";
    public bool Available { get; set; } = true;
    public int MaxAssignments { get; set; } = DefaultMaxAssignments;
    /// <summary>Space-separated <see cref="ExpertiseTags"/>; empty means a generalist who takes any escalation.</summary>
    public string Expertise { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }

    public IReadOnlyList<string> Tags => ExpertiseTags.Split(Expertise);
}

internal sealed class HumanAgentProfileConfiguration : IEntityTypeConfiguration<HumanAgentProfile>
{
    public void Configure(EntityTypeBuilder<HumanAgentProfile> builder)
    {
        builder.ToTable("human_agents");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Expertise).HasMaxLength(ExpertiseTags.MaxStoredLength).IsRequired();
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Ignore(p => p.Tags);
        builder.HasOne<Accounts.JobsmithUser>().WithOne().HasForeignKey<HumanAgentProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
