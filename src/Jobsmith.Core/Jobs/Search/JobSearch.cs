using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Jobs.Search;

/// <summary>
/// A candidate's standing search (table job_searches): titles and locations become keyword queries to the
/// search sources, run every <see cref="IntervalMinutes"/>. Built from a request today; from preferences later.
/// </summary>
public sealed class JobSearch
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string TitlesJson { get; set; } = "[]";
    public string LocationsJson { get; set; } = "[]";
    public bool RemoteOnly { get; set; }
    public string SourcesJson { get; set; } = "[]";
    public int IntervalMinutes { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime? LastRunAt { get; set; }

    /// <summary>What the last run did or why it did not run (quota, disabled sources).</summary>
    public string? LastRunNote { get; set; }
}

internal sealed class JobSearchConfiguration : IEntityTypeConfiguration<JobSearch>
{
    public void Configure(EntityTypeBuilder<JobSearch> builder)
    {
        builder.ToTable("job_searches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.LastRunNote).HasMaxLength(2000);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}
