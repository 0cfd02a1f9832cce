using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Dashboard;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Tracking;

/// <summary>G1 on both databases: the pipeline counts, the activity feed and the agent status are the candidate's own and say what happened.</summary>
public sealed class CandidateDashboardTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dashboard_counts_lists_and_reports_agents_for_its_owner_only(string provider)
    {
        var app = await fixture.AppAsync(provider);
        var owner = await CandidateSeed.CreateAsync(app);
        var other = await CandidateSeed.CreateAsync(app);
        var applied = await TrackingApiTests.AppliedAsync(app, owner);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
            var escalated = (await applications.StartAsync(owner.UserId, owner.RatedPostingId, ApplicationActor.Candidate(owner.UserId), CancellationToken.None))!.Id;
            foreach (var state in new[] { "drafted", "awaiting_approval", "approved", "queued", "escalated" })
                await applications.MoveAsync(owner.UserId, escalated, state, ApplicationActor.Agent("test"), state == "escalated" ? "CAPTCHA on the form" : null, null, CancellationToken.None);
            await applications.StartAsync(other.UserId, other.MatchedPostingId, ApplicationActor.Candidate(other.UserId), CancellationToken.None);

            // The matcher failed once and then ran fine: its error is history. Job discovery's last run failed: shown.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AddRange(
                Task(owner.UserId, "matcher", AgentTaskStatus.Failed, now.AddMinutes(-30), error: "vectors missing"),
                Task(owner.UserId, "matcher", AgentTaskStatus.Completed, now.AddMinutes(-20), output: "12 matches"),
                Task(owner.UserId, "job-discovery", AgentTaskStatus.Failed, now.AddMinutes(-10), error: "the board answered 503"),
                // Auto-apply leaving a draft alone is bookkeeping, not news: it stays out of the activity feed although it
                // is the newest entry of all.
                Task(owner.UserId, "auto-apply", AgentTaskStatus.Completed, now.AddMinutes(5), output: "left for approval: auto-apply is off"),
                Task(other.UserId, "job-discovery", AgentTaskStatus.Failed, now.AddMinutes(-5), error: "someone else's failure"),
                new JobSearch { Id = Guid.NewGuid(), UserId = owner.UserId, IntervalMinutes = 60, CreatedAt = now.AddDays(-1), LastRunAt = now.AddMinutes(-10) },
                // The connected mailbox's last check failed: shown with the next check (G2).
                new Jobsmith.Core.Inbox.InboxSettings
                {
                    UserId = owner.UserId, InboundToken = Guid.NewGuid().ToString("N"), ImapHost = "imap.example.com", ImapUsername = "owner",
                    ImapProtectedPassword = "protected", LastPolledAt = now.AddMinutes(-2), LastError = "AuthenticationException: bad password", UpdatedAt = now.AddDays(-1),
                });
            await db.SaveChangesAsync();
        }

        await using var read = app.Services.CreateAsyncScope();
        var dashboard = read.ServiceProvider.GetRequiredService<CandidateDashboard>();
        var view = await dashboard.ForAsync(owner.UserId, CancellationToken.None);

        Assert.Equal(1, view.Pipeline.Single(s => s.Key == "sent").Count);
        Assert.Equal(1, view.Aside.Single(s => s.Key == "attention").Count);
        Assert.Equal(2, view.Total);
        // Newest first, the owner's applications only, with the reason of the last move.
        Assert.All(view.Activity, a => Assert.NotEqual(other.MatchedPostingId.ToString(), a.ApplicationId?.ToString()));
        Assert.DoesNotContain(view.Activity, a => a.Detail == "someone else's failure");
        Assert.Equal(view.Activity.OrderByDescending(a => a.At).Select(a => a.At), view.Activity.Select(a => a.At));
        Assert.Contains(view.Activity, a => a.State == ApplicationStates.Escalated && a.Detail == "CAPTCHA on the form");
        Assert.Contains(view.Activity, a => a.ApplicationId == applied && a.State == ApplicationStates.Applied);
        Assert.True(view.Activity.Count <= CandidateDashboard.ActivityItems);
        Assert.DoesNotContain(view.Activity, a => a.Text == "auto-apply");

        var matcher = view.Agents.Single(a => a.Agent == "matcher");
        Assert.Null(matcher.LastError);
        Assert.Equal("the board answered 503", view.Agents.Single(a => a.Agent == "job-discovery").LastError);
        var searches = view.Agents[0];
        Assert.Equal(CandidateDashboard.JobSearchAgent, searches.Agent);
        Assert.InRange(searches.NextRunAt!.Value, now.AddMinutes(45), now.AddMinutes(55));

        var mailbox = view.Agents.Single(a => a.Agent == CandidateDashboard.MailboxAgent);
        Assert.Equal("AuthenticationException: bad password", mailbox.LastError);
        Assert.InRange(mailbox.NextRunAt!.Value, now.AddMinutes(2), now.AddMinutes(4));

        var theirs = await dashboard.ForAsync(other.UserId, CancellationToken.None);
        Assert.DoesNotContain(theirs.Agents, a => a.Agent == CandidateDashboard.MailboxAgent);
        Assert.Equal(1, theirs.Total);
        Assert.Equal("someone else's failure", theirs.Agents.Single(a => a.Agent == "job-discovery").LastError);
    }

    private static AgentTask Task(string userId, string agent, AgentTaskStatus status, DateTime at, string? output = null, string? error = null) => new()
    {
        Id = Guid.NewGuid(), Agent = agent, UserId = userId, Status = status, Output = output, Error = error, CreatedAt = at, StartedAt = at, CompletedAt = at,
    };
}
