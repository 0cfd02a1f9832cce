using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Profiles.Store;

public enum ParseStatus { Parsed, Failed }

/// <summary>
/// One uploaded resume file (B1). Every upload is a new version and none is overwritten, so a candidate can
/// always see what an older profile was built from. The file itself lives under {data}/resumes/{userId}/.
/// </summary>
public sealed class ResumeVersion
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public int VersionNumber { get; set; }

    /// <summary>As the uploader named it; shown to the user, never used to build a path.</summary>
    public string OriginalFileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public string Sha256 { get; set; } = "";

    /// <summary>Relative to the data folder, so moving the folder keeps versions readable.</summary>
    public string StoredPath { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public ParseStatus Status { get; set; }

    /// <summary>The parsed profile in the <c>profile parse --json</c> contract; null when parsing failed.</summary>
    public string? ParsedProfileJson { get; set; }
    public string? Error { get; set; }
}

internal sealed class ResumeVersionConfiguration : IEntityTypeConfiguration<ResumeVersion>
{
    public void Configure(EntityTypeBuilder<ResumeVersion> builder)
    {
        builder.ToTable("resume_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.UserId).IsRequired();
        builder.Property(v => v.OriginalFileName).HasMaxLength(260).IsRequired();
        builder.Property(v => v.ContentType).HasMaxLength(150).IsRequired();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(v => v.StoredPath).HasMaxLength(500).IsRequired();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(v => v.Error).HasMaxLength(1000);
        builder.HasIndex(v => new { v.UserId, v.VersionNumber }).IsUnique();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
