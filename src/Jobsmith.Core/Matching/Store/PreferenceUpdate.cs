using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Matching.Store;

/// <summary>What a learned change touches: the ranking weights or one preference field.</summary>
public static class LearnedFields
{
    public const string Weights = "weights";
    public const string ExperienceLevel = Profiles.Preferences.LearnedLayer.ExperienceLevel;
    public const string RemotePreference = Profiles.Preferences.LearnedLayer.RemotePreference;
    public const string SalaryMin = Profiles.Preferences.LearnedLayer.SalaryMin;
}

/// <summary>
/// One change the optimizer made from feedback (table <c>preference_updates</c>, D5): old and new value as text
/// (weights as JSON), the feedback ids behind it and why. Undo sets <see cref="UndoneAt"/> and takes the change out of the learned layer.
/// </summary>
public sealed class PreferenceUpdate
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Field { get; set; } = "";
    public string OldValue { get; set; } = "";
    public string NewValue { get; set; } = "";
    public string FeedbackIdsJson { get; set; } = "[]";
    public string Reason { get; set; } = "";
    public DateTime AppliedAt { get; set; }
    public DateTime? UndoneAt { get; set; }
}

internal sealed class PreferenceUpdateConfiguration : IEntityTypeConfiguration<PreferenceUpdate>
{
    public void Configure(EntityTypeBuilder<PreferenceUpdate> builder)
    {
        builder.ToTable("preference_updates");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Field).HasMaxLength(30);
        builder.Property(u => u.Reason).HasMaxLength(500);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.UserId);
    }
}
