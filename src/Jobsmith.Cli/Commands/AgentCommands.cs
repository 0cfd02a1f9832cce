using System.CommandLine;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Orchestration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

/// <summary>
/// `jobsmith agent status|start|pause|stop --email E` (K3, M3): a candidate's job-search agent, as the dashboard and
/// /api/agents show and change it, for the operator of the data folder. The worker carries out what it then does.
/// </summary>
internal static class AgentCommands
{
    public static Command Build()
    {
        var agent = new Command("agent", "Show, start, pause or stop a candidate's job-search agent");
        agent.Subcommands.Add(Change("status", "Show the candidate's agent and what it drafted today", null));
        agent.Subcommands.Add(Change("start", "Start (or resume) the agent: it matches new postings and drafts the best matches for approval", CandidateAgentStates.Running));
        agent.Subcommands.Add(Change("pause", "Pause the agent; resuming catches up", CandidateAgentStates.Paused));
        agent.Subcommands.Add(Change("stop", "Stop the agent: nothing is matched or drafted on the candidate's behalf", CandidateAgentStates.Stopped));
        return agent;
    }

    private static Command Change(string name, string description, string? state)
    {
        var email = new Option<string>("--email") { Description = "The candidate's email address", Required = true };
        var minScore = new Option<int?>("--min-score") { Description = $"Lowest match score to draft for ({CandidateAgents.LowestMinScore}-100)" };
        var drafts = new Option<int?>("--drafts-per-day") { Description = $"Most drafts a day (1-{CandidateAgent.MaxDraftsPerDay})" };
        var command = new Command(name, description) { email };
        if (state == CandidateAgentStates.Running) { command.Options.Add(minScore); command.Options.Add(drafts); }
        command.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var settings = new CandidateAgentSettings(result.GetValue(minScore), result.GetValue(drafts));
            if (CandidateAgents.Validate(settings) is { Count: > 0 } errors) return CliOutput.Error(string.Join(" ", errors.Values.SelectMany(e => e)));
            using var host = CliHost.Build(global);
            using var scope = await CliHost.MigratedScopeAsync(host, ct);
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<JobsmithUser>>().FindByEmailAsync(result.GetValue(email)!);
            if (user is null) return CliOutput.Error($"no account with the email {result.GetValue(email)}");
            var agents = scope.ServiceProvider.GetRequiredService<CandidateAgents>();
            var view = state is null ? await agents.GetAsync(user.Id, ct) : (await agents.ChangeAsync(user.Id, state, settings, ct)).View;
            return CliOutput.Result(global, view, $"{user.Email}: agent {view.State}; drafts for matches scoring {view.MinScore}+, up to {view.DraftsPerDay} a day ({view.DraftedToday} today)");
        });
        return command;
    }
}
