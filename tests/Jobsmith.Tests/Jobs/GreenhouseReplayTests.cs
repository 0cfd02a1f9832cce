using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Jobs;

/// <summary>The Greenhouse job-board API documentation payloads, replayed by a local server.</summary>
public sealed partial class GreenhouseReplayTests
{
    [SkippableFact]
    public async Task Board_list_with_content_then_each_job_with_questions()
    {
        var folder = SharedData.Require("forms", "greenhouse");
        var listWithContent = DocExamples(Path.Combine(folder, "_jobs.md"))[1];
        // The docs' two examples describe different jobs (127817 and 44444); the detail is served under the list's id.
        var detail = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "job_with_questions_example.json")))!;
        detail["id"] = 127817;
        await using var server = await ReplayServer.StartAsync();
        server.Serve("/v1/boards/vaulttec/jobs?content=true", listWithContent);
        server.Serve("/v1/boards/vaulttec/jobs/127817?questions=true&pay_transparency=true", detail.ToJsonString());
        using var fetcher = TestFetchers.Loopback();

        var batch = await new GreenhouseSource(fetcher, server.BaseUrl).FetchAsync(new JobSourceQuery("vaulttec"), CancellationToken.None);

        Assert.Empty(batch.Errors);
        Assert.Equal(1, batch.Fetched);
        var job = Assert.Single(batch.Postings);
        Assert.Equal("127817", job.ExternalId);
        Assert.Equal("vaulttec", job.Company);
        Assert.Equal(new ApplicationRoute(ApplicationType.Form, "custom-questions:1"), job.Application);
        Assert.Equal(new SalaryRange(50000, 75000, "USD", SalaryPeriod.Year), job.Salary);
        Assert.Equal("This is the job description.\n\nAny HTML included through the hosted job application editor will be automatically converted into corresponding HTML entities.", job.Description.Text);
    }

    [SkippableFact]
    public void Every_documented_payload_parses()
    {
        var folder = SharedData.Require("forms", "greenhouse");
        using var fetcher = TestFetchers.Loopback();
        var source = new GreenhouseSource(fetcher);
        var payloads = DocExamples(Path.Combine(folder, "_jobs.md")).Append(File.ReadAllText(Path.Combine(folder, "job_with_questions_example.json"))).ToList();

        var batches = payloads.Select(p => source.Parse(p, new Uri("https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs"))).ToList();

        Assert.All(batches, b => Assert.Empty(b.Errors));
        var list = batches[0].Postings.Single();
        Assert.Equal("Vault Designer", list.Title);
        Assert.Equal(["NYC"], list.Locations);
        Assert.Equal(new DateTimeOffset(2016, 1, 14, 10, 55, 28, TimeSpan.FromHours(-5)), list.PostedAt);
        Assert.Equal(new Uri("https://boards.greenhouse.io/vaulttec/jobs/127817"), list.CanonicalUrl);
        var withQuestions = batches[^1].Postings.Single();
        Assert.Equal("Product Engineer", withQuestions.Title);
        Assert.Equal(["San Francisco, CA"], withQuestions.Locations);
    }

    /// <summary>The ```json blocks of the API documentation that are job payloads (they have "title" or "jobs").</summary>
    private static List<string> DocExamples(string markdownPath) =>
        JsonBlock().Matches(File.ReadAllText(markdownPath)).Select(m => m.Groups[1].Value)
            .Where(IsJobPayload).ToList();

    private static bool IsJobPayload(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && (doc.RootElement.TryGetProperty("jobs", out _) || doc.RootElement.TryGetProperty("title", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("```json\\s*\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
