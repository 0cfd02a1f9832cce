using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Profiles.Preferences;

/// <summary>
/// A candidate's job preferences (B3). What the candidate typed (<see cref="ValuesJson"/>) and what feedback
/// learned (<see cref="LearnedJson"/>, D5) are separate columns: learning never overwrites the user's words,
/// and both are shown.
/// </summary>
public sealed class JobPreferences
{
    public string UserId { get; set; } = "";
    public string ValuesJson { get; set; } = "{}";
    public string LearnedJson { get; set; } = "[]";
    public DateTime UpdatedAt { get; set; }
}

internal sealed class JobPreferencesConfiguration : IEntityTypeConfiguration<JobPreferences>
{
    public void Configure(EntityTypeBuilder<JobPreferences> builder)
    {
        builder.ToTable("job_preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.ValuesJson).IsRequired();
        builder.Property(p => p.LearnedJson).IsRequired();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
