namespace Jobsmith.Bench.Profiles;

/// <summary>Finds the shared dotin corpus: JOBSMITH_SHARED_DATA, else ../shared/data beside the repository.</summary>
internal static class BenchData
{
    public static string DotinZip()
    {
        var root = Environment.GetEnvironmentVariable("JOBSMITH_SHARED_DATA");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); root is null && dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jobsmith.slnx")))
                root = Path.Combine(dir.FullName, "..", "shared", "data");
        var path = Path.Combine(root ?? ".", "resumes", "dotin", "545_cvs_train_v2.zip");
        return File.Exists(path) ? path
            : throw new FileNotFoundException("The dotin corpus is missing; set JOBSMITH_SHARED_DATA to the shared data folder.", path);
    }
}
