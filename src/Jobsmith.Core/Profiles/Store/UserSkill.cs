using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Profiles.Store;

/// <summary>How far a skill is proven (B5, J3): found in a resume, asserted by the candidate, or shown in a mock interview.</summary>
public enum SkillVerification { Unverified, Claimed, Verified }

/// <summary>A catalogue skill the candidate has, with a 1-5 proficiency. Source: resume, user or interview.</summary>
public sealed class UserSkill
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string SkillId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>1-5 as the candidate rates it; null until they do (a resume says a skill is there, not how good).</summary>
    public int? Proficiency { get; set; }
    public SkillVerification Verification { get; set; }
    public string Source { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

internal sealed class UserSkillConfiguration : IEntityTypeConfiguration<UserSkill>
{
    public void Configure(EntityTypeBuilder<UserSkill> builder)
    {
        builder.ToTable("user_skills");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserId).IsRequired();
        builder.Property(s => s.SkillId).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Verification).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(s => s.Source).HasMaxLength(20).IsRequired();
        builder.HasIndex(s => new { s.UserId, s.SkillId }).IsUnique();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
