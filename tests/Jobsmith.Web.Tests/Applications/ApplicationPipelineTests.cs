using System.Net;
using System.Net.Http.Json;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Documents;
using Jobsmith.Web.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Applications;

/// <summary>
/// F2, F3, F6, F7 through the API and the real runner: prepare → approve (twice at once: queued once) → the worker's
/// run → a posting without an application link goes to the candidate (manual), with the attempt, its file hashes and
/// proof kept → the candidate says they applied. Nothing is sent twice and nothing is sent before approval.
/// </summary>
public sealed class ApplicationPipelineTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_approved_application_goes_out_once_through_its_channel_and_keeps_its_proof(string provider)
    {
        await using var app = await JobsWebFactory.CreateAsync(provider);
        DocumentScenario.RequireRenderer(app.Services);
        var (candidate, posting) = await DocumentScenario.MatchedCandidateAsync(app);
        // No apply link: the manual channel, so the test never opens a site outside this machine.
        await InDb(app, db => db.Set<StoredPosting>().Where(p => p.Id == posting).ExecuteUpdateAsync(s => s.SetProperty(p => p.ApplyUrl, (string?)null)));

        using var created = await candidate.PostAsJsonAsync("/api/applications", new { postingId = posting });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var application = (await created.Content.ReadFromJsonAsync<ApplicationView>(DocumentScenario.Json))!;
        Assert.Equal(ApplicationStates.AwaitingApproval, application.State);
        var userId = await InDb(app, db => db.Set<JobApplication>().Where(a => a.Id == application.Id).Select(a => a.UserId).FirstAsync());

        // Nothing goes out before approval.
        Assert.Equal(RunStatus.Skipped, (await Run(app, userId, application.Id)).Status);

        var approvals = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var response = await candidate.PostAsJsonAsync($"/api/applications/{application.Id}/approve", new { revision = application.Revision });
            return response.StatusCode;
        }));
        Assert.Equal(1, approvals.Count(s => s == HttpStatusCode.OK));
        Assert.All(approvals, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, s.ToString()));

        // The app's own submission worker polls for queued applications too: whichever of it and this run comes
        // first sends, the other finds nothing left to do. Either way there is one attempt (checked below).
        var run = await Run(app, userId, application.Id);
        Assert.Contains(run.Status, new[] { RunStatus.Escalated, RunStatus.Skipped });
        var page = await SettledAsync(candidate, application.Id);
        Assert.Equal(RunStatus.Skipped, (await Run(app, userId, application.Id)).Status);
        Assert.Equal(ApplicationStates.Escalated, page.Application.State);
        var attempt = Assert.Single(page.Attempts);
        Assert.Equal((ChannelNames.Manual, AttemptOutcomes.Escalated), (attempt.Channel, attempt.Outcome));
        Assert.Equal(["cover_letter", "resume"], attempt.Files.Select(f => f.Kind).Order());
        Assert.All(attempt.Files, f => Assert.Equal(64, f.Sha256.Length));
        Assert.Contains(page.Log, l => l.ToState == ApplicationStates.Approved && l.ActorKind == ApplicationActor.CandidateKind);
        foreach (var proof in attempt.Proof)
            Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync($"/api/applications/{application.Id}/proof/{proof.Id}")).StatusCode);

        // Another candidate sees none of it.
        var other = await app.ClientAsync("candidate");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/applications/{application.Id}")).StatusCode);

        // A candidate cannot mark it sent from a state Jobsmith owns, but can say they applied to one handed to them.
        using var applied = await candidate.PutAsJsonAsync($"/api/applications/{application.Id}", new { state = "applied", details = "Applied on the company site." });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        using var again = await candidate.PutAsJsonAsync($"/api/applications/{application.Id}", new { state = "queued" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await InDb(app, db => db.Set<SubmissionAttempt>().CountAsync(a => a.ApplicationId == application.Id)));
    }

    /// <summary>The application once no send is queued or under way (the worker may still be finishing its own).</summary>
    private static async Task<ApplicationPage> SettledAsync(HttpClient candidate, Guid id)
    {
        for (var look = 1; ; look++)
        {
            var page = (await candidate.GetFromJsonAsync<ApplicationPage>($"/api/applications/{id}", DocumentScenario.Json))!;
            if (page.Application.State is not (ApplicationStates.Queued or ApplicationStates.Submitting) || look == 600)
                return page;
            await Task.Delay(100);
        }
    }

    private static async Task<RunResult> Run(JobsWebFactory app, string userId, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionRunner>().RunAsync(userId, id, dryRun: false, CancellationToken.None);
    }

    private static async Task<T> InDb<T>(JobsWebFactory app, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
