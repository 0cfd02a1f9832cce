using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Plans;

/// <summary>
/// One submitted application counted against its calendar month (UTC). The unique application id makes counting
/// idempotent; there is deliberately no foreign key to the application, so deleting or withdrawing one after it was
/// sent does not give the quota back.
/// </summary>
public sealed class UsageRecord
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid ApplicationId { get; set; }
    /// <summary>Midnight UTC on the first day of the month the submission counts in.</summary>
    public DateTime Month { get; set; }
    /// <summary>
    /// Which of the month's places this is (1..limit), unique per candidate and month so that two sends racing for the
    /// last place cannot both have it; null for a place taken on an unlimited plan or recorded after the fact.
    /// </summary>
    public int? Slot { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> builder)
    {
        builder.ToTable("plan_usage");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.UserId).IsRequired();
        builder.HasIndex(u => u.ApplicationId).IsUnique();
        builder.HasIndex(u => new { u.UserId, u.Month, u.Slot }).IsUnique();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
