using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Flags;

/// <summary>An admin's override of a flag's default; absent rows mean the catalogue default.</summary>
public sealed class FeatureFlagSetting
{
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class FeatureFlagSettingConfiguration : IEntityTypeConfiguration<FeatureFlagSetting>
{
    public void Configure(EntityTypeBuilder<FeatureFlagSetting> builder)
    {
        builder.ToTable("feature_flags");
        builder.HasKey(f => f.Name);
        builder.Property(f => f.Name).HasMaxLength(100);
    }
}
