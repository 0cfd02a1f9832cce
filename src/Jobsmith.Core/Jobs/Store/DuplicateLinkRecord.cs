using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>A posting that is the same job as <see cref="CanonicalId"/> (table job_posting_duplicates). Both stay stored.</summary>
public sealed class PostingDuplicateLink
{
    public Guid PostingId { get; set; }
    public Guid CanonicalId { get; set; }
    public string Reason { get; set; } = "";
    public string Detail { get; set; } = "";
    public DateTime LinkedAt { get; set; }
}

internal sealed class PostingDuplicateLinkConfiguration : IEntityTypeConfiguration<PostingDuplicateLink>
{
    public void Configure(EntityTypeBuilder<PostingDuplicateLink> builder)
    {
        builder.ToTable("job_posting_duplicates");
        builder.HasKey(l => l.PostingId);
        builder.Property(l => l.Reason).HasMaxLength(30);
        builder.Property(l => l.Detail).HasMaxLength(300);
        builder.HasOne<StoredPosting>().WithMany().HasForeignKey(l => l.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredPosting>().WithMany().HasForeignKey(l => l.CanonicalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.CanonicalId);
    }
}
