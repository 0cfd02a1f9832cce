namespace Jobsmith.Tests.TestSupport;

/// <summary>
/// The one way a test says it cannot run here (no PostgreSQL, Chromium, poppler, word vectors or shared data).
/// On a developer's fresh clone it skips with the reason; under <c>CI=true</c> it fails instead, so coverage can
/// never silently disappear from a CI run.
/// </summary>
public static class Infrastructure
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool present, string reason)
    {
        if (present) return;
        if (IsCi) throw new InvalidOperationException($"CI=true but this test's infrastructure is missing: {reason}");
        Skip.If(true, reason);
    }
}
