namespace Jobsmith.Tests.TestSupport;

public static class RepositoryRoot
{
    /// <summary>The folder holding Jobsmith.slnx, found by walking up from the test binaries.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jobsmith.slnx")))
                return dir.FullName;
        }
        return null;
    }
}
