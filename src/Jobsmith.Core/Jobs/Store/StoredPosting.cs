using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Jobs.Store;

public static class PostingStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <summary>
/// A <see cref="JobPosting"/> as stored (table job_postings). Postings are shared by every candidate of the
/// instance; they are closed, never deleted, so matches and applications keep their target.
/// </summary>
public sealed class StoredPosting
{
    public Guid Id { get; set; }
    public string SourceKind { get; set; } = "";
    public string ExternalId { get; set; } = "";

    /// <summary>The board token or URL of the fetch that last saw it; scopes "vanished from a full fetch".</summary>
    public string? Feed { get; set; }

    public string Title { get; set; } = "";
    public string Company { get; set; } = "";
    public string LocationsJson { get; set; } = "[]";
    public string Remote { get; set; } = nameof(RemoteType.Unknown);
    public string Employment { get; set; } = nameof(EmploymentType.Unknown);
    public string Seniority { get; set; } = nameof(Jobs.Seniority.Unknown);

    // double rather than decimal: SQLite stores decimal as text, which cannot be compared in a salary filter.
    public double? SalaryMin { get; set; }
    public double? SalaryMax { get; set; }
    public string? SalaryCurrency { get; set; }
    public string? SalaryPeriod { get; set; }

    public string DescriptionText { get; set; } = "";
    public string DescriptionMarkdown { get; set; } = "";
    public string RequirementsJson { get; set; } = "[]";

    /// <summary>Skills found in <see cref="DescriptionText"/> at ingest, with character offsets into it.</summary>
    public string SkillsJson { get; set; } = "[]";

    public DateTime? PostedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public string? ApplyUrl { get; set; }
    public string? CanonicalUrl { get; set; }
    public string ApplicationType { get; set; } = "complex";
    public string ApplicationRule { get; set; } = "";
    public string? RawJson { get; set; }

    /// <summary>SHA-256 of the normalized content; unchanged content skips re-extraction on re-import.</summary>
    public string ContentHash { get; set; } = "";

    public string Status { get; set; } = PostingStatus.Open;
    public string? ClosedReason { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
}

internal sealed class StoredPostingConfiguration : IEntityTypeConfiguration<StoredPosting>
{
    public void Configure(EntityTypeBuilder<StoredPosting> builder)
    {
        builder.ToTable("job_postings");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.SourceKind).HasMaxLength(50);
        builder.Property(p => p.ExternalId).HasMaxLength(300);
        builder.Property(p => p.Feed).HasMaxLength(500);
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.Company).HasMaxLength(300);
        builder.Property(p => p.Remote).HasMaxLength(20);
        builder.Property(p => p.Employment).HasMaxLength(20);
        builder.Property(p => p.Seniority).HasMaxLength(20);
        builder.Property(p => p.SalaryCurrency).HasMaxLength(10);
        builder.Property(p => p.SalaryPeriod).HasMaxLength(10);
        builder.Property(p => p.ApplyUrl).HasMaxLength(2000);
        builder.Property(p => p.CanonicalUrl).HasMaxLength(2000);
        builder.Property(p => p.ApplicationType).HasMaxLength(20);
        builder.Property(p => p.ApplicationRule).HasMaxLength(200);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
        builder.Property(p => p.Status).HasMaxLength(10);
        builder.Property(p => p.ClosedReason).HasMaxLength(200);
        builder.HasIndex(p => new { p.SourceKind, p.ExternalId }).IsUnique();
        builder.HasIndex(p => p.CanonicalUrl);
        builder.HasIndex(p => new { p.Status, p.LastSeenAt });
        // The list's order, newest first (M0026); the full-text indexes live outside the EF model.
        builder.HasIndex(p => new { p.Status, p.FirstSeenAt, p.Id });
        builder.HasIndex(p => new { p.FirstSeenAt, p.Id });
    }
}
