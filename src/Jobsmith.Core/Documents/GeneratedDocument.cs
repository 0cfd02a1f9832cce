using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Documents;

public static class DocumentStatus
{
    public const string Draft = "draft";
    public const string Approved = "approved";
}

/// <summary>
/// One version of one generated document for one (candidate, posting) pair (table <c>generated_documents</c>, E6).
/// A new generation or an edit adds a version; old versions stay. Lines carry their fact ids; flags are what the
/// provenance check found at save time, and a version with flags cannot be approved.
/// </summary>
public sealed class GeneratedDocument
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid PostingId { get; set; }
    public string Kind { get; set; } = "";
    public int Version { get; set; }
    public string Engine { get; set; } = "";
    public string Template { get; set; } = "";
    public string LinesJson { get; set; } = "[]";
    public string FlagsJson { get; set; } = "[]";
    public string CoverageJson { get; set; } = "{}";
    public string NotesJson { get; set; } = "[]";

    /// <summary>What the version was made from: the profile's fact count and update time, the posting's skills.</summary>
    public string InputsJson { get; set; } = "{}";
    public string Status { get; set; } = DocumentStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
}

internal sealed class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> builder)
    {
        builder.ToTable("generated_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(20).IsRequired();
        builder.Property(d => d.Engine).HasMaxLength(40).IsRequired();
        builder.Property(d => d.Template).HasMaxLength(40).IsRequired();
        builder.Property(d => d.Status).HasMaxLength(20).IsRequired();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Jobs.Store.StoredPosting>().WithMany().HasForeignKey(d => d.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.UserId, d.PostingId, d.Kind, d.Version }).IsUnique();
        builder.HasIndex(d => d.PostingId);
    }
}
