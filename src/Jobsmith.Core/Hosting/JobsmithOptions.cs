namespace Jobsmith.Core.Hosting;

/// <summary>Instance-wide settings (section "Jobsmith").</summary>
public sealed class JobsmithOptions
{
    public const string Section = "Jobsmith";

    /// <summary>
    /// Where the database, uploaded files, outbox and caches live. A relative path resolves against the source
    /// checkout when Jobsmith runs from one (so <c>dotnet run</c>, the CLI and the tests started from any folder
    /// share the one git-ignored <c>./data</c>), otherwise against the working directory.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>web</c> serves HTTP only, <c>worker</c> runs background jobs only, <c>all</c> does both (the default).</summary>
    public ProcessRole Role { get; set; } = ProcessRole.All;

    /// <summary>The public base URL used in links sent by email (password reset, shared CVs).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080");

    public string FullDataDirectory => ResolveDataDirectory(DataDirectory, AppContext.BaseDirectory, Environment.CurrentDirectory);

    public string PathInData(params string[] parts) => Path.Combine([FullDataDirectory, .. parts]);

    public static string ResolveDataDirectory(string dataDirectory, string baseDirectory, string workingDirectory) =>
        Path.IsPathRooted(dataDirectory) ? Path.GetFullPath(dataDirectory) : Path.GetFullPath(dataDirectory, CheckoutRoot(baseDirectory) ?? workingDirectory);

    // The folder holding Jobsmith.slnx above the running binaries, when they were built from a checkout.
    private static string? CheckoutRoot(string baseDirectory)
    {
        for (var folder = new DirectoryInfo(baseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Jobsmith.slnx"))) return folder.FullName;
        return null;
    }
}

public enum ProcessRole
{
    All,
    Web,
    Worker,
}
