using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Jobs;
using Jobsmith.Web.Tests.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Documents;

/// <summary>A candidate with a parsed resume, a ready profile and matches for the two seeded postings, made through the API.</summary>
internal static class DocumentScenario
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Returns the candidate's client and the id of the Rust posting it was matched with.</summary>
    public static async Task<(HttpClient Candidate, Guid RustPosting)> MatchedCandidateAsync(JobsWebFactory app, bool seed = true)
    {
        if (seed) await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        var candidate = await app.ClientAsync("candidate");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(MatchApiTests.Resume)), "file", "resume.txt" } })
            Assert.Equal(HttpStatusCode.Created, (await candidate.PostAsync("/api/candidates/resume/upload", form)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await candidate.PutAsJsonAsync("/api/candidates/preferences", new { titles = new[] { "Software Engineer" }, remotePreference = "any" })).StatusCode);
        using var ran = await candidate.PostAsJsonAsync("/api/matches/run", new { top = 5 });
        var run = await ran.Content.ReadFromJsonAsync<MatchRun>(Json);
        return (candidate, run!.Matches.Single(m => m.Title == "Senior Rust Engineer").PostingId);
    }

    /// <summary>
    /// Preview and download need the real renderer; a host built without it is reported as a skip with the reason,
    /// never answered by a stand-in.
    /// </summary>
    public static void RequireRenderer(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        Infrastructure.Require(scope.ServiceProvider.GetService<IDocumentRenderer>() is not null,
            "IDocumentRenderer is not registered in this host: the rendering code (Jobsmith.Rendering) is not part of this build");
    }
}
