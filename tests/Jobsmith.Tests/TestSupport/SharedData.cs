namespace Jobsmith.Tests.TestSupport;

/// <summary>
/// Locates the real third-party data used by accuracy tests. One setting, <c>JOBSMITH_SHARED_DATA</c>,
/// defaulting to <c>../shared/data</c> next to the repository; a fresh clone without it skips those
/// tests with the reason instead of failing.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "JOBSMITH_SHARED_DATA";

    private static readonly Lazy<string?> LazyRoot = new(FindRoot);

    public static string? Root => LazyRoot.Value;

    /// <summary>Skips the calling test (Xunit.SkippableFact) when the shared data is absent.</summary>
    public static string Require(params string[] relativeParts)
    {
        Infrastructure.Require(Root is not null, $"shared data not found: set {EnvironmentVariable} or place it at ../shared/data beside the repository");
        var path = Path.Combine([Root!, .. relativeParts]);
        Infrastructure.Require(File.Exists(path) || Directory.Exists(path), $"shared data item missing: {path}");
        return path;
    }

    private static string? FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        var repo = RepositoryRoot.Find();
        if (repo is null) return null;
        var candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
