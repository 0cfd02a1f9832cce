using System.Net;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.HumanAgents;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.HumanAgents;

/// <summary>A candidate with a matched posting whose application was queued and then escalated, and human agents to take it.</summary>
internal static class EscalationScenario
{
    /// <summary>Registers a user and has the admin make them a human agent; returns their id and a token carrying the role.</summary>
    public static async Task<(string Id, string Email, string Token)> AgentAsync(HttpClient client, string adminToken)
    {
        var email = ApiCalls.UniqueEmail("agent");
        var registered = await client.RegisterAsync(email);
        using (var promote = await client.SendJsonAsync(HttpMethod.Put, $"/api/admin/users/{registered.User.Id}/roles", adminToken, new { roles = new[] { "human_agent" } }))
            Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        return (registered.User.Id, email, (await client.LoginAsync(email)).AccessToken);
    }

    /// <summary>The candidate's application to their best match, moved to escalated as a channel's pipeline would.</summary>
    public static async Task<(CandidateSeed Candidate, Guid Application)> EscalatedAsync(JobsmithWebApp app, string reason)
    {
        var seed = await CandidateSeed.CreateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var id = (await applications.StartAsync(seed.UserId, seed.MatchedPostingId, ApplicationActor.Candidate(seed.UserId), CancellationToken.None))!.Id;
        foreach (var state in new[] { "drafted", "awaiting_approval", "approved", "queued", "escalated" })
            Assert.Equal(ApplicationMoveStatus.Moved, (await applications.MoveAsync(seed.UserId, id, state, ApplicationActor.Agent("test-pipeline"),
                state == "escalated" ? reason : null, null, CancellationToken.None)).Status);
        return (seed, id);
    }

    /// <summary>Publishes the escalation event as SendGuard does (with a channel's code and screenshot) and waits for the router.</summary>
    public static async Task<Assignment> RouteAsync(JobsmithWebApp app, string userId, Guid applicationId, string code, string reason, string? screenshot)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<EventPublisher>().Publish(EventTypes.Escalated, userId, new { applicationId, reason, code, screenshot });
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Assignment>().AsNoTracking().FirstOrDefaultAsync(a => a.ApplicationId == applicationId) is { } assignment)
                return assignment;
            await Task.Delay(200);
        }
        throw new TimeoutException("The escalation was not routed within 60 s.");
    }

    public static async Task<string> StateAsync(JobsmithWebApp app, string userId, Guid applicationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApplicationService>().GetAsync(userId, applicationId, CancellationToken.None))!.Application.State;
    }
}
