using System.CommandLine;

namespace Jobsmith.Cli;

/// <summary>Options every command takes (the CLI contract in ARCHITECTURE.md).</summary>
internal sealed record GlobalOptions(string DataDirectory, bool Json, string? LogFormat = null)
{
    public static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Folder holding the database and files (default: the data folder the web app uses)",
        Recursive = true,
    };

    public static readonly Option<bool> JsonOutput = new("--json")
    {
        Description = "Machine-readable output on stdout; progress goes to stderr",
        Recursive = true,
    };

    public static readonly Option<string?> LogFormatOption = CreateLogFormat();

    // A folder given on the command line is relative to where the command runs; without one, the CLI works on the
    // same data folder as the web app, wherever it is started from.
    public static GlobalOptions From(ParseResult result) =>
        new(result.GetValue(DataDir) is { Length: > 0 } given ? Path.GetFullPath(given) : new Core.Hosting.JobsmithOptions().FullDataDirectory,
            result.GetValue(JsonOutput), result.GetValue(LogFormatOption));

    private static Option<string?> CreateLogFormat()
    {
        var option = new Option<string?>("--log-format")
        {
            Description = "Log lines on stderr: text (default) or json (also Jobsmith:LogFormat)",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    /// <summary>The command-line settings that override appsettings.json and JOBSMITH__ variables.</summary>
    public Dictionary<string, string?> Overrides()
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (LogFormat is not null) overrides[Core.Hosting.ConsoleLogging.FormatKey] = LogFormat;
        return overrides;
    }
}
