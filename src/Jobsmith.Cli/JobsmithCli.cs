using System.CommandLine;
using Jobsmith.Cli.Commands;

namespace Jobsmith.Cli;

/// <summary>The `jobsmith` command tree (M3). Exit codes: 0 success, 2 bad input (one line on stderr), 1 failure.</summary>
public static class JobsmithCli
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Jobsmith: a self-hosted, human-in-the-loop job-search agent")
        {
            AdminCommands.Build(),
            AgentCommands.Build(),
            ApplyCommands.Build(),
            DbCommands.Build(),
            DemoCommand.Build(),
            InboxCommands.Build(),
            JobsCommands.Build(),
            MatchCommands.Build(),
            PostingsCommands.Build(),
            ProfileCommands.Build(),
            TailorCommands.Build(),
        };
        root.Options.Add(GlobalOptions.DataDir);
        root.Options.Add(GlobalOptions.JsonOutput);
        root.Options.Add(GlobalOptions.LogFormatOption);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = BuildRoot().Parse(args);
        if (parsed.Errors.Count > 0)
            return CliOutput.Error(parsed.Errors[0].Message);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The CLI contract: any failure is one line on stderr and exit code 1, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CliOutput.Error($"{ex.GetType().Name}: {ex.Message}", CliOutput.Failure);
        }
    }
}
