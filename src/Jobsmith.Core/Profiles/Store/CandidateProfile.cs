using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Profiles.Store;

/// <summary>
/// The candidate's current profile: facts (JSON list of <see cref="ProfileFact"/> with provenance), the
/// completeness computed from them, and where the onboarding wizard stands (A3). One row per user.
/// </summary>
public sealed class CandidateProfile
{
    public string UserId { get; set; } = "";
    public string FactsJson { get; set; } = "[]";
    public int CompletenessScore { get; set; }
    public string MissingJson { get; set; } = "[]";
    public string? Headline { get; set; }
    public double? YearsOfExperience { get; set; }
    public Guid? CurrentVersionId { get; set; }
    public string OnboardingStep { get; set; } = OnboardingSteps.Resume;
    public DateTime? OnboardingCompletedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CandidateProfileConfiguration : IEntityTypeConfiguration<CandidateProfile>
{
    public void Configure(EntityTypeBuilder<CandidateProfile> builder)
    {
        builder.ToTable("candidate_profiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.FactsJson).IsRequired();
        builder.Property(p => p.MissingJson).HasMaxLength(1000).IsRequired();
        builder.Property(p => p.Headline).HasMaxLength(300);
        builder.Property(p => p.OnboardingStep).HasMaxLength(30).IsRequired();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
