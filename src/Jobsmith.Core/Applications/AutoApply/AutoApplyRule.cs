using Jobsmith.Core.Applications.Submission;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Applications.AutoApply;

/// <summary>
/// F2: a candidate's explicit rule for sending without asking each time. Off unless the candidate turns it on; only
/// matches scoring at least <see cref="MinScore"/>, at most <see cref="DailyCap"/> a day, and only through the
/// channels listed (never a manual or assist-only one). Everything else waits in the approval queue.
/// </summary>
public sealed class AutoApplyRule
{
    public const int MaxDailyCap = 25;
    public static readonly IReadOnlyList<string> AutomaticChannels = [ChannelNames.BrowserForm, ChannelNames.Email];

    public string UserId { get; set; } = "";
    public bool Enabled { get; set; }
    public int MinScore { get; set; } = 80;
    public int DailyCap { get; set; } = 5;
    /// <summary>Comma-separated channel names the rule may use.</summary>
    public string Channels { get; set; } = ChannelNames.Email;
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> ChannelList => [.. Channels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

internal sealed class AutoApplyRuleConfiguration : IEntityTypeConfiguration<AutoApplyRule>
{
    public void Configure(EntityTypeBuilder<AutoApplyRule> builder)
    {
        builder.ToTable("auto_apply_rules");
        builder.HasKey(r => r.UserId);
        builder.Property(r => r.Channels).HasMaxLength(100).IsRequired();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
