using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Web.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Matching;

/// <summary>The matching API end to end: run, list, feedback, learned updates and undo, each scoped to its candidate.</summary>
public sealed class MatchApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // A Rust engineer: the Rust posting and the barista posting differ in skills and title, so feedback moves the weights.
    internal const string Resume = "Ada Stone\nSenior Rust Engineer\nada@example.com\n\nSKILLS\nRust, PostgreSQL, Linux\n\nEXPERIENCE\n"
        + "Senior Rust Engineer, Ferrite, Berlin - 2018 - Present\n- Built a storage engine in Rust.\n";

    [SkippableFact]
    public async Task A_candidate_whose_profile_is_not_ready_is_told_what_is_missing_instead_of_matched()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        var candidate = await app.ClientAsync("candidate");

        using var response = await candidate.PostAsJsonAsync("/api/matches/run", new { top = 5 });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("target job title", StringComparison.Ordinal));
        Assert.Empty((await candidate.GetFromJsonAsync<List<MatchView>>("/api/matches", Json))!);
    }

    [SkippableFact]
    public async Task A_candidate_runs_matches_gives_feedback_and_undoes_what_was_learned_and_nobody_else_sees_it()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        var owner = await app.ClientAsync("candidate");
        var intruder = await app.ClientAsync("candidate");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Resume)), "file", "resume.txt" } })
            Assert.Equal(HttpStatusCode.Created, (await owner.PostAsync("/api/candidates/resume/upload", form)).StatusCode);
        // Matching only runs for a ready profile: a target title and a location or remote choice (A3).
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync("/api/candidates/preferences", new { titles = new[] { "Software Engineer" }, remotePreference = "any" })).StatusCode);

        var run = await (await owner.PostAsJsonAsync("/api/matches/run", new { top = 5 })).Content.ReadFromJsonAsync<MatchRun>(Json);
        var again = await (await owner.PostAsJsonAsync("/api/matches/run", new { top = 5 })).Content.ReadFromJsonAsync<MatchRun>(Json);
        var listed = await owner.GetFromJsonAsync<List<MatchView>>("/api/matches", Json);

        Assert.Equal(2, run!.Matches.Count);
        Assert.Empty(again!.Matches);
        Assert.Equal(run.Matches.Select(m => m.PostingId).Order(), listed!.Select(m => m.PostingId).Order());
        Assert.Empty((await intruder.GetFromJsonAsync<List<MatchView>>("/api/matches", Json))!);

        var rust = run.Matches.Single(m => m.Title == "Senior Rust Engineer").PostingId;
        var barista = run.Matches.Single(m => m.Title == "Barista").PostingId;
        // Against what the ranking expects, so the learner has something to correct.
        var up = await owner.PostAsJsonAsync("/api/feedback/", new { postingId = barista, thumbs = "up" });
        var down = await owner.PostAsJsonAsync("/api/feedback/", new { postingId = rust, thumbs = "down", reason = "wrong_industry", comment = "not databases" });
        var theirs = await intruder.PostAsJsonAsync("/api/feedback/", new { postingId = rust, thumbs = "down", reason = "other" });
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound), (up.StatusCode, down.StatusCode, theirs.StatusCode));
        foreach (var bad in new object[]
                 {
                     new { postingId = rust, thumbs = "sideways", reason = "good_match" },
                     new { postingId = rust, thumbs = "up", reason = "boring" },
                     // A thumbs up is a good match, never "too junior"; a thumbs down must say why (issue 8 item 11).
                     new { postingId = rust, thumbs = "up", reason = "too_junior" },
                     new { postingId = rust, thumbs = "down", reason = "good_match" },
                     new { postingId = rust, thumbs = "down", reason = "" },
                     new { postingId = "not-a-guid", thumbs = "up", reason = "good_match" },
                     new { postingId = rust, thumbs = "up", reason = "other", comment = new string('x', 1001) },
                 })
        {
            var response = await owner.PostAsJsonAsync("/api/feedback/", bad);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{JsonSerializer.Serialize(bad)} gave {response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync("/api/matches/run", new { top = 101 })).StatusCode);
        var feedback = await owner.GetFromJsonAsync<List<FeedbackView>>("/api/feedback/", Json);
        Assert.Equal(["not databases", null], feedback!.OrderBy(f => f.ThumbsUp).Select(f => f.Comment));
        Assert.Equal(FeedbackReasons.GoodMatch, feedback!.Single(f => f.ThumbsUp).Reason);
        Assert.Empty((await intruder.GetFromJsonAsync<List<FeedbackView>>("/api/feedback/", Json))!);

        // The periodic job calls the same optimizer; calling it directly keeps the test off the scheduler's clock.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FeedbackOptimizer>().OptimizeAllAsync(CancellationToken.None);
        var updates = await owner.GetFromJsonAsync<List<PreferenceUpdateView>>("/api/preference-updates", Json);
        var weights = Assert.Single(updates!, u => u.Field == LearnedFields.Weights);
        Assert.Equal(feedback!.Select(f => f.Id).Order(), weights.FeedbackIds.Order());
        Assert.Empty((await intruder.GetFromJsonAsync<List<PreferenceUpdateView>>("/api/preference-updates", Json))!);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsync($"/api/preference-updates/{weights.Id}/undo", null)).StatusCode);
        var undone = await (await owner.PostAsync($"/api/preference-updates/{weights.Id}/undo", null)).Content.ReadFromJsonAsync<PreferenceUpdateView>(Json);
        Assert.NotNull(undone!.UndoneAt);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync($"/api/preference-updates/{Guid.NewGuid()}/undo", null)).StatusCode);
    }
}
