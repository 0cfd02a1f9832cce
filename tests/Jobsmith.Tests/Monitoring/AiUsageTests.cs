using Jobsmith.Core.Accounts;
using Jobsmith.Core.Ai.Usage;
using Jobsmith.Core.Data;
using Jobsmith.Tests.Ai;
using Jobsmith.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jobsmith.Tests.Monitoring;

/// <summary>
/// I1: every model call — chat, embedding, re-rank, failed ones too — is stored with its tokens and who it was for,
/// and the admin's report sums them per model and candidate and prices them from Ai:Prices.
/// </summary>
public sealed class AiUsageTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chat_embedding_and_rerank_calls_are_counted_per_model_and_candidate_and_priced(string provider)
    {
        await using var server = await WireServer.StartAsync(request => request.Path switch
        {
            "/v1/embeddings" => OpenAiEmbeddingGeneratorTests.Embeddings(request),
            _ when request.Body?.ToJsonString().Contains("fail please", StringComparison.Ordinal) == true => new WireServer.Reply(500, """{"error":{"message":"boom"}}"""),
            _ => new WireServer.Reply(200, OpenAiChatClientTests.Completion),
        });
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = TestHost.Build(database, settings: new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "openai",
            ["Ai:Model"] = "gpt-4o-mini",
            ["Ai:Endpoint"] = server.Url("/v1").ToString(),
            ["Ai:ApiKey"] = "sk-test-0123456789abcdef",
            ["Ai:EmbeddingModel"] = "text-embedding-3-small",
            ["Ai:MaxRetries"] = "0",
            // The completion answers with a dated id: the undated key prices it.
            ["Ai:Prices:gpt-4o-mini:InputPerMillion"] = "0.15",
            ["Ai:Prices:gpt-4o-mini:OutputPerMillion"] = "0.60",
        });
        await host.StartAsync();
        var userId = await AddCandidateAsync(host, "tokens@example.com");
        var chat = host.Services.GetRequiredService<IChatClient>();
        var embeddings = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        using (AiCallScope.Begin(userId, "drafter"))
        {
            await chat.GetResponseAsync("Write a cover letter.");
            await chat.GetResponseAsync("Write another.");
            using (AiCallScope.Begin(kind: AiCallKinds.Rerank)) await chat.GetResponseAsync("Rank these.");
            await embeddings.GenerateAsync(["python", "kafka"]);
            await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync("fail please"));
        }
        await chat.GetResponseAsync("Nobody's call.");
        await host.Services.GetRequiredService<AiCallLedger>().FlushAsync(CancellationToken.None);

        await using var scope = host.Services.CreateAsyncScope();
        var calls = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AiCall>().ToListAsync();
        Assert.Equal(6, calls.Count);
        Assert.Equal(5, calls.Count(c => c.UserId == userId && c.Agent == "drafter"));
        Assert.Single(calls, c => c.Failed);

        var report = await scope.ServiceProvider.GetRequiredService<AiUsageReport>().ReadAsync(24, CancellationToken.None);
        Assert.Equal(6, report.Calls);
        var chatRow = Assert.Single(report.ByModel, r => r.Kind == AiCallKinds.Chat && r.Model == "gpt-4o-mini-2024-07-18");
        Assert.Equal((3, 0, 19L * 3, 4L * 3), (chatRow.Calls, chatRow.Failed, chatRow.InputTokens, chatRow.OutputTokens));
        // A failed call never learns the dated id: it counts under the configured model, with no tokens.
        var failedRow = Assert.Single(report.ByModel, r => r.Kind == AiCallKinds.Chat && r.Model == "gpt-4o-mini");
        Assert.Equal((1, 1, 0L), (failedRow.Calls, failedRow.Failed, failedRow.InputTokens));
        Assert.Equal((19m * 0.15m + 4m * 0.60m) * 3 / 1_000_000m, chatRow.CostUsd);
        var rerank = Assert.Single(report.ByModel, r => r.Kind == AiCallKinds.Rerank);
        Assert.Equal((1, 19L), (rerank.Calls, rerank.InputTokens));
        var embedding = Assert.Single(report.ByModel, r => r.Kind == AiCallKinds.Embedding);
        Assert.Equal(("text-embedding-3-small", 7L, (decimal?)null), (embedding.Model, embedding.InputTokens, embedding.CostUsd));
        Assert.True(report.SomeUnpriced);

        var top = Assert.Single(report.TopCandidates);
        Assert.Equal(("tokens@example.com", 5), (top.Email, top.Calls));
        Assert.Equal(19L * 3 + 7, top.InputTokens);
        // The candidate used an unpriced model too, so their cost is unknown rather than understated.
        Assert.Null(top.CostUsd);
    }

    [Fact]
    public void A_dated_model_id_takes_the_price_of_the_longest_matching_key()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new Jobsmith.Core.Ai.AiOptions
        {
            Prices = new(StringComparer.OrdinalIgnoreCase)
            {
                ["gpt-4o"] = new() { InputPerMillion = 2.5m, OutputPerMillion = 10m },
                ["gpt-4o-mini"] = new() { InputPerMillion = 0.15m, OutputPerMillion = 0.6m },
            },
        });
        var report = new AiUsageReport(null!, options, TimeProvider.System);
        Assert.Equal(0.75m, report.Cost("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000));
        Assert.Equal(12.5m, report.Cost("GPT-4o-2024-11-20", 1_000_000, 1_000_000));
        Assert.Null(report.Cost("claude-sonnet-4", 1, 1));
    }

    internal static async Task<string> AddCandidateAsync(IHost host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JobsmithUser>>();
        var user = new JobsmithUser { UserName = email, Email = email, DisplayName = email.Split('@')[0] };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Candidate)).Succeeded);
        return user.Id;
    }
}
