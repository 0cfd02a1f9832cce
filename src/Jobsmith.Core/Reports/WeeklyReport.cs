using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Reports;

/// <summary>
/// One candidate's report for one week (G4), Monday to Sunday in their time zone. The Monday sweep writes the final
/// version once; "generate now" writes a week-so-far version of the current week that the sweep later completes.
/// The headline counts are columns for the list; everything else is the stored <see cref="WeeklyReportContent"/>.
/// </summary>
public sealed class WeeklyReport
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The Monday the week starts on, in <see cref="TimeZone"/>.</summary>
    public DateOnly WeekStart { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public DateTime PeriodStart { get; set; }
    /// <summary>End of the period covered: the next Monday 00:00, or the moment a week-so-far report was made.</summary>
    public DateTime PeriodEnd { get; set; }
    /// <summary>True once the whole week is covered (the scheduled run); it is then never rewritten.</summary>
    public bool Final { get; set; }
    public int Submitted { get; set; }
    public int Interviews { get; set; }
    public int Offers { get; set; }
    public int Rejections { get; set; }
    public string ContentJson { get; set; } = "{}";
    public DateTime GeneratedAt { get; set; }
    public DateTime? EmailedAt { get; set; }
    public int Revision { get; set; }
}

internal sealed class WeeklyReportConfiguration : IEntityTypeConfiguration<WeeklyReport>
{
    public void Configure(EntityTypeBuilder<WeeklyReport> builder)
    {
        builder.ToTable("weekly_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.UserId).IsRequired();
        builder.Property(r => r.TimeZone).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ContentJson).IsRequired();
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // Exactly one report per candidate and week, whichever node or request writes it first.
        builder.HasIndex(r => new { r.UserId, r.WeekStart }).IsUnique();
    }
}
