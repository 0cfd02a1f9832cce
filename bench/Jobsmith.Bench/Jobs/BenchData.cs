namespace Jobsmith.Bench.Jobs;

/// <summary>Finds the shared real data the same way the tests do: JOBSMITH_SHARED_DATA, else ../shared/data beside the repo.</summary>
internal static class BenchData
{
    public static string Require(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("JOBSMITH_SHARED_DATA");
        if (string.IsNullOrWhiteSpace(root))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Jobsmith.slnx"))) continue;
                root = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                break;
            }
        }
        var path = root is null ? null : Path.Combine([root, .. parts]);
        return path is not null && Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException("shared data not found: set JOBSMITH_SHARED_DATA or place it at ../shared/data beside the repository");
    }

    /// <summary>The Ashby postings folder, or null after saying the run is skipped (runners then exit 0).</summary>
    public static string? AshbyOrSkip()
    {
        try
        {
            return Require("jobs", "ashby");
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.WriteLine($"skipped: {ex.Message}");
            return null;
        }
    }
}
