namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// What the host needs to know about a source: its CLI kind name, the feature flag that switches it
/// (flags are evaluated by the host; <see cref="EnabledByDefault"/> is the seed value), and its rate limit.
/// </summary>
public sealed record SourceDescriptor(string Kind, string FeatureFlag, bool EnabledByDefault, SourceRateLimit RateLimit)
{
    /// <summary>File types read when a folder is imported (a LICENSE or README beside the data is skipped).</summary>
    public IReadOnlyList<string> FileExtensions { get; init; } = [".json"];
}

/// <summary>At most <see cref="Requests"/> requests per <see cref="Per"/> to this source.</summary>
public sealed record SourceRateLimit(int Requests, TimeSpan Per)
{
    public static SourceRateLimit PerSecond(int requests) => new(requests, TimeSpan.FromSeconds(1));

    public static SourceRateLimit PerMinute(int requests) => new(requests, TimeSpan.FromMinutes(1));
}
