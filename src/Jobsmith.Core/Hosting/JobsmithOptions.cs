namespace Jobsmith.Core.Hosting;

/// <summary>Instance-wide settings (section "Jobsmith").</summary>
public sealed class JobsmithOptions
{
    public const string Section = "Jobsmith";

    /// <summary>Where the database, uploaded files, outbox and caches live. Relative paths resolve against the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>web</c> serves HTTP only, <c>worker</c> runs background jobs only, <c>all</c> does both (the default).</summary>
    public ProcessRole Role { get; set; } = ProcessRole.All;

    /// <summary>The public base URL used in links sent by email (password reset, shared CVs).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080");

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string PathInData(params string[] parts) => Path.Combine([FullDataDirectory, .. parts]);
}

public enum ProcessRole
{
    All,
    Web,
    Worker,
}
