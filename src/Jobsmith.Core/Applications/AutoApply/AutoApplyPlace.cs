using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Applications.AutoApply;

/// <summary>
/// One of a candidate's daily automatic approvals (F2). The slot number is unique per candidate and day (UTC), so two
/// drafts approved by the rule at the same moment cannot both take the day's last place; one place per application.
/// </summary>
public sealed class AutoApplyPlace
{
    public Guid ApplicationId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>Midnight UTC of the day the approval counts in.</summary>
    public DateTime Day { get; set; }
    public int Slot { get; set; }
    public DateTime TakenAt { get; set; }
}

internal sealed class AutoApplyPlaceConfiguration : IEntityTypeConfiguration<AutoApplyPlace>
{
    public void Configure(EntityTypeBuilder<AutoApplyPlace> builder)
    {
        builder.ToTable("auto_apply_places");
        builder.HasKey(p => p.ApplicationId);
        builder.Property(p => p.UserId).IsRequired();
        builder.HasIndex(p => new { p.UserId, p.Day, p.Slot }).IsUnique();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JobApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
