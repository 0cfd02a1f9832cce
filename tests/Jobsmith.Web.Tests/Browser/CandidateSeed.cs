using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jobsmith.Core.Jobs.Import;
using Jobsmith.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>What a candidate has after a first session, so their pages show data rather than empty states.</summary>
internal sealed record CandidateSeed(string Email, string UserId, Guid MatchedPostingId, Guid RatedPostingId)
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Browser", "Fixtures", name);

    /// <summary>
    /// Through the real paths: the resume upload and preferences API, the file import behind /jobs/add, a saved
    /// job search, a match run and one rating through the API, and a notification from the notification centre.
    /// </summary>
    public static async Task<CandidateSeed> CreateAsync(JobsmithWebApp app)
    {
        using var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("candidate");
        var auth = await client.RegisterAsync(email);
        var token = auth.AccessToken;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<PostingImport>()
                .FromFileAsync("postings.json", await File.ReadAllTextAsync(Fixture("postings.json")), null, CancellationToken.None);
            // The first candidate of an app adds the postings; a later one in the same app finds them already there.
            Assert.True(imported.Fetched == 6 && imported.Errors.Count == 0, $"the postings fixture read {imported.Fetched} postings: {string.Join("; ", imported.Errors)}");
        }

        using (var upload = new HttpRequestMessage(HttpMethod.Post, "/api/candidates/resume/upload"))
        {
            upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            upload.Content = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Fixture("resume.txt"))), "file", "resume.txt" } };
            using var uploaded = await client.SendAsync(upload);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }
        await ExpectAsync(client.SendJsonAsync(HttpMethod.Put, "/api/candidates/preferences", token,
            new { titles = new[] { "Senior Backend Engineer" }, remotePreference = "any" }), HttpStatusCode.OK);
        await ExpectAsync(client.SendJsonAsync(HttpMethod.Post, "/api/job-searches/", token,
            new { titles = new[] { "Rust Engineer" }, locations = new[] { "Berlin" }, remoteOnly = false, sources = new[] { "remotive" } }), HttpStatusCode.Created);

        using var run = await client.SendJsonAsync(HttpMethod.Post, "/api/matches/run", token, new { top = 10 });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var matches = JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement.GetProperty("matches")
            .EnumerateArray().Select(m => m.GetProperty("postingId").GetGuid()).ToList();
        Assert.True(matches.Count >= 5, $"the match run found {matches.Count} matches");
        await ExpectAsync(client.SendJsonAsync(HttpMethod.Post, "/api/feedback/", token,
            new { postingId = matches[^1], thumbs = "down", reason = "wrong_industry", comment = "not hospitality" }), HttpStatusCode.OK);

        await CrossUserScenario.NotifyAsync(app, auth.User.Id, "5 new matches for Senior Backend Engineer");
        return new CandidateSeed(email, auth.User.Id, matches[0], matches[^1]);
    }

    private static async Task ExpectAsync(Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
