using System.CommandLine;

namespace Jobsmith.Cli;

/// <summary>Options every command takes (the CLI contract in ARCHITECTURE.md).</summary>
internal sealed record GlobalOptions(string DataDirectory, bool Json)
{
    public static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Folder holding the database and files (default ./data)",
        DefaultValueFactory = _ => "data",
        Recursive = true,
    };

    public static readonly Option<bool> JsonOutput = new("--json")
    {
        Description = "Machine-readable output on stdout; progress goes to stderr",
        Recursive = true,
    };

    public static GlobalOptions From(ParseResult result) =>
        new(Path.GetFullPath(result.GetValue(DataDir) ?? "data"), result.GetValue(JsonOutput));
}
