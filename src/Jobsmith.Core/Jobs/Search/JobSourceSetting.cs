using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Jobs.Search;

public static class CircuitStates
{
    public const string Closed = "closed";
    public const string Open = "open";
}

/// <summary>
/// An admin's settings for one source and its run status (table job_sources). Whether it is enabled lives in
/// the feature flag <c>Source.{kind}</c>, so there is one switch, not two.
/// </summary>
public sealed class JobSourceSetting
{
    public string Kind { get; set; } = "";

    /// <summary>Minutes between scheduled full fetches; null when not scheduled.</summary>
    public int? IntervalMinutes { get; set; }

    /// <summary>Board tokens or URLs fetched in full on each scheduled run, one per line.</summary>
    public string Targets { get; set; } = "";

    /// <summary>API keys as JSON, encrypted with ASP.NET Data Protection; never returned or logged.</summary>
    public string? ProtectedCredentials { get; set; }

    public DateTime? LastRunAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public string CircuitState { get; set; } = CircuitStates.Closed;
    public int LastFetched { get; set; }
    public int LastAdded { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class JobSourceSettingConfiguration : IEntityTypeConfiguration<JobSourceSetting>
{
    public void Configure(EntityTypeBuilder<JobSourceSetting> builder)
    {
        builder.ToTable("job_sources");
        builder.HasKey(s => s.Kind);
        builder.Property(s => s.Kind).HasMaxLength(50);
        builder.Property(s => s.Targets).HasMaxLength(4000);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.Property(s => s.CircuitState).HasMaxLength(20);
    }
}
