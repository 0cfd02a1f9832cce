using System.Globalization;
using System.Security.Claims;
using Jobsmith.Core.Orchestration;
using Jobsmith.Web.Auth;

namespace Jobsmith.Web.Components.Pages.Tracking;

/// <summary>
/// The dashboard's start / pause / stop buttons for the candidate's agent (K3): cookie auth, antiforgery checked by
/// form binding, back to the dashboard with what happened — the same use case as /api/agents.
/// </summary>
public static class CandidateAgentFormEndpoints
{
    public static WebApplication MapCandidateAgentFormEndpoints(this WebApplication app)
    {
        var forms = app.MapGroup("/dashboard/agent").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        forms.MapPost("/start", (IFormCollection form, CandidateAgents agents, ClaimsPrincipal user, CancellationToken ct) =>
            ChangeAsync(agents, user, CandidateAgentStates.Running, new CandidateAgentSettings(Number(form["minScore"]), Number(form["draftsPerDay"])), ct));
        forms.MapPost("/pause", (CandidateAgents agents, ClaimsPrincipal user, CancellationToken ct) =>
            ChangeAsync(agents, user, CandidateAgentStates.Paused, null, ct));
        forms.MapPost("/stop", (CandidateAgents agents, ClaimsPrincipal user, CancellationToken ct) =>
            ChangeAsync(agents, user, CandidateAgentStates.Stopped, null, ct));
        return app;
    }

    // An empty box keeps what is saved; text that is not a number is refused by the bounds check below.
    private static int? Number(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MinValue;

    private static async Task<IResult> ChangeAsync(CandidateAgents agents, ClaimsPrincipal user, string state, CandidateAgentSettings? settings, CancellationToken ct)
    {
        var change = await agents.ChangeAsync(user.UserId(), state, settings, ct);
        return Results.LocalRedirect(change.Status switch
        {
            AgentChangeStatus.Done => $"/dashboard?done=agent-{change.View.State}",
            AgentChangeStatus.Invalid => $"/dashboard?error={Uri.EscapeDataString(string.Join(" ", change.Errors!.Values.SelectMany(e => e)))}",
            _ => $"/dashboard?error={Uri.EscapeDataString($"Changed elsewhere meanwhile: your agent is {change.View.State} now.")}",
        });
    }
}
