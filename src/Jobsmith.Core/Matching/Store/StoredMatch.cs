using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Matching.Store;

/// <summary>
/// A posting shown to a candidate by a match run (table <c>matches</c>). The unique (user, posting) pair is what
/// makes "never the same job twice" (D4) hold even when two runs race. Features are kept so feedback on this
/// match can later teach the weights what the candidate was actually shown.
/// </summary>
public sealed class StoredMatch
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid PostingId { get; set; }
    public int Score { get; set; }
    public string ReasonsJson { get; set; } = "{}";
    public string FeaturesJson { get; set; } = "{}";
    public Guid RunId { get; set; }
    public DateTime ShownAt { get; set; }

    /// <summary>When the candidate kept it for later (the "saved" list); null when not saved.</summary>
    public DateTime? SavedAt { get; set; }

    /// <summary>When the candidate hid it from the workspace; dismissed matches stay so the job is never shown again.</summary>
    public DateTime? DismissedAt { get; set; }
}

internal sealed class StoredMatchConfiguration : IEntityTypeConfiguration<StoredMatch>
{
    public void Configure(EntityTypeBuilder<StoredMatch> builder)
    {
        builder.ToTable("matches");
        builder.HasKey(m => m.Id);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredPosting>().WithMany().HasForeignKey(m => m.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.UserId, m.PostingId }).IsUnique();
        builder.HasIndex(m => m.PostingId);
        builder.HasIndex(m => new { m.UserId, m.Score });
    }
}
