using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Jobs;

/// <summary>Bad input is rejected per posting or per response with a reason, and never aborts a run.</summary>
public sealed class BadPayloadTests
{
    [SkippableFact]
    public void Truncated_json_is_rejected_for_the_whole_response()
    {
        var real = File.ReadAllText(SharedData.Require("jobs", "ashby", "climatiq.json"));

        var batch = new AshbySource(TestFetchers.Loopback()).Parse(real[..(real.Length / 2)], null);

        Assert.Empty(batch.Postings);
        var error = Assert.Single(batch.Errors);
        Assert.Null(error.Locator);
        Assert.StartsWith("response is not valid JSON (truncated?)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_reject_only_that_posting()
    {
        const string payload = """
            {"jobs":[
              {"id":"ok","title":"Good Job","jobUrl":"https://jobs.ashbyhq.com/acme/ok","descriptionPlain":"x"},
              {"id":"bad-remote","title":"Bad","isRemote":{"yes":1}},
              {"id":"bad-locations","title":"Bad","secondaryLocations":"Berlin"},
              {"id":"bad-comp","title":"Bad","compensation":{"summaryComponents":[{"compensationType":"Salary","minValue":"lots"}]}},
              42,
              {"id":{"oops":true},"title":"Bad id"}
            ]}
            """;

        var batch = new AshbySource(TestFetchers.Loopback()).Parse(payload, null);

        Assert.Equal(6, batch.Fetched);
        Assert.Equal("ok", Assert.Single(batch.Postings).ExternalId);
        Assert.Equal(["bad-remote", "bad-locations", "bad-comp", "#0", "#1"], batch.Errors.Select(e => e.Locator));
        Assert.Equal("field 'isRemote' should be a boolean but is object", batch.Errors[0].Reason);
        Assert.Equal("field 'secondaryLocations' should be an array but is string", batch.Errors[1].Reason);
        Assert.Equal("field 'minValue' should be a number but is string", batch.Errors[2].Reason);
        Assert.Equal("job entry is number, not an object", batch.Errors[3].Reason);
        Assert.Equal("field 'id' should be a string but is object", batch.Errors[4].Reason);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Sign in</body></html>", "expected JSON but the response is HTML or XML (an error or login page?)")]
    [InlineData("", "empty response body")]
    [InlineData("{\"jobs\": {\"id\": 1}}", "response has an unexpected shape: 'jobs' should be an array but is object")]
    [InlineData("[1,2]", "response has an unexpected shape: no 'jobs' array in the response")]
    public void Wrong_documents_are_rejected_with_a_reason(string payload, string reason)
    {
        var batch = new AshbySource(TestFetchers.Loopback()).Parse(payload, null);

        Assert.Equal(reason, Assert.Single(batch.Errors).Reason);
    }

    [Fact]
    public async Task A_50_MB_body_is_cut_off_and_rejected()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Handle("/posting-api/job-board/huge", async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var i = 0; i < 50 && !ctx.RequestAborted.IsCancellationRequested; i++) await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
        });
        using var fetcher = TestFetchers.Loopback(o => o.MaxResponseBytes = 5 * 1024 * 1024);

        var batch = await new AshbySource(fetcher, server.BaseUrl).FetchAsync(new JobSourceQuery("huge"), CancellationToken.None);

        Assert.Empty(batch.Postings);
        Assert.Contains("exceeds the 5242880-byte limit", Assert.Single(batch.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_oversize_body_is_refused_before_reading()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Handle("/big", async ctx =>
        {
            // Send the headers, then hold: the declared length alone must be enough to refuse.
            ctx.Response.ContentLength = 50L * 1024 * 1024;
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var fetcher = TestFetchers.Loopback(o => o.MaxResponseBytes = 1024);
        var source = new SourceDescriptor("test", "Jobs.Sources.Test", true, SourceRateLimit.PerSecond(10));

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("/big"), source), CancellationToken.None));

        Assert.Equal(FetchFailure.TooLarge, error.Failure);
    }

    [Fact]
    public async Task Ingestion_logs_each_rejection_with_its_reason()
    {
        var logs = new ListLogger();
        using var fetcher = TestFetchers.Loopback();
        var ingestion = new JobIngestion(JobSources.Catalog(fetcher), new DuplicateDetector(), fetcher.Options, logs);

        var result = ingestion.ImportPayload("csv", TestFetchers.Recording("jobs.csv"), null);

        Assert.Equal(2, result.Batch.Postings.Count);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning: Rejected from csv record 4: posted_at 'yesterday-ish' is not a date", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => ingestion.ImportPayload("monster", "", null));
    }

    private sealed class ListLogger : ILogger<JobIngestion>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
