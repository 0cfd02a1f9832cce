using System.Net.Http.Json;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Web.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Matching;

/// <summary>The /matches page: run, reasons, thumbs with a reason, learned updates with undo, all through its forms.</summary>
public sealed partial class MatchPagesTests
{
    [SkippableFact]
    public async Task The_page_runs_matches_takes_feedback_and_undoes_a_learned_update()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        var candidate = await app.ClientAsync("candidate");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(MatchApiTests.Resume)), "file", "resume.txt" } })
            Assert.Equal(HttpStatusCode.Created, (await candidate.PostAsync("/api/candidates/resume/upload", form)).StatusCode);
        // Matching only runs for a ready profile: a target title and a location or remote choice (A3).
        Assert.Equal(HttpStatusCode.OK, (await candidate.PutAsJsonAsync("/api/candidates/preferences", new { titles = new[] { "Software Engineer" }, remotePreference = "any" })).StatusCode);

        var empty = await candidate.GetStringAsync("/matches");
        var token = Token(empty);
        var withoutToken = await candidate.PostAsync("/matches/run", Form(("top", "5")));
        var ran = await candidate.PostAsync("/matches/run", Form(("top", "5"), ("__RequestVerificationToken", token)));
        var page = await candidate.GetStringAsync("/matches");

        Assert.Contains("No matches to review", empty, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, withoutToken.StatusCode);
        // The test client drops the bearer token when it follows a redirect, so the form's redirect target is read from where it ended.
        Assert.Contains("/matches?found=2", Uri.UnescapeDataString(ran.RequestMessage!.RequestUri!.Query), StringComparison.Ordinal);
        Assert.Contains("2 new matches, best first.", await candidate.GetStringAsync("/matches?found=2"), StringComparison.Ordinal);
        Assert.Contains("Senior Rust Engineer", page, StringComparison.Ordinal);
        Assert.Contains("Barista", page, StringComparison.Ordinal);
        Assert.Matches("aria-label=\"Matched skills\">\\s*<li class=\"badge bg-green-lt\">[^<]*<i[^>]*></i>\\s*Rust", page);
        var ids = PostingIds().Matches(page).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(2, ids.Count);

        var rust = ids.Single(id => Regex.IsMatch(page, $"id={id}#detail\">(?:(?!</a>).)*Senior Rust Engineer", RegexOptions.Singleline));
        var barista = ids.Single(id => id != rust);
        // Against what the ranking expects, so the learner has something to correct.
        await candidate.PostAsync("/matches/feedback", Form(("postingId", barista), ("thumbs", "up"), ("reason", "good_match"), ("__RequestVerificationToken", token)));
        var bad = await candidate.PostAsync("/matches/feedback", Form(("postingId", rust), ("thumbs", "down"), ("reason", "boring"), ("__RequestVerificationToken", token)));
        await candidate.PostAsync("/matches/feedback", Form(("postingId", rust), ("thumbs", "down"), ("reason", "wrong_industry"), ("comment", "no databases"), ("__RequestVerificationToken", token)));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FeedbackOptimizer>().OptimizeAllAsync(CancellationToken.None);
        var learned = await candidate.GetStringAsync("/matches");

        Assert.Contains("error=Say why it is not a fit", Uri.UnescapeDataString(Uri.UnescapeDataString(bad.RequestMessage!.RequestUri!.Query)), StringComparison.Ordinal);
        // Rated matches leave the default view; the rated view shows what the candidate said.
        Assert.DoesNotContain($"id={rust}#detail", learned, StringComparison.Ordinal);
        var rated = WebUtility.HtmlDecode(await candidate.GetStringAsync($"/matches?view=rated&id={rust}"));
        Assert.Contains("You said: not a fit — wrong industry (“no databases”)", rated, StringComparison.Ordinal);
        var undo = Regex.Match(learned, "action=\"(/matches/updates/[0-9a-f-]+/undo)\"").Groups[1].Value;
        Assert.NotEmpty(undo);
        Assert.Contains("matches now weigh skills, title, location and salary", learned, StringComparison.Ordinal);

        await candidate.PostAsync(undo, Form(("__RequestVerificationToken", token)));
        var undone = WebUtility.HtmlDecode(await candidate.GetStringAsync("/matches"));
        Assert.Contains(" · undone", undone, StringComparison.Ordinal);
        Assert.DoesNotContain(undo, undone, StringComparison.Ordinal);
    }

    private static string Token(string page) => Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [GeneratedRegex("[?;]id=([0-9a-f-]{36})#detail")]
    private static partial Regex PostingIds();
}
