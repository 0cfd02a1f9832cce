namespace Jobsmith.Tests.Profiles.Fixtures;

/// <summary>A clock stopped at one instant, so "Present" means the same month in every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
