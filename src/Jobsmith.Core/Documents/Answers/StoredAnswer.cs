using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Documents.Answers;

/// <summary>One answer of a candidate's answer bank (table <c>answer_bank</c>, E4): the candidate's own words for one key.</summary>
public sealed class StoredAnswer
{
    public string UserId { get; set; } = "";
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

internal sealed class StoredAnswerConfiguration : IEntityTypeConfiguration<StoredAnswer>
{
    public void Configure(EntityTypeBuilder<StoredAnswer> builder)
    {
        builder.ToTable("answer_bank");
        builder.HasKey(a => new { a.UserId, a.Key });
        builder.Property(a => a.Key).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Value).HasMaxLength(AnswerBank.MaxValueLength).IsRequired();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
