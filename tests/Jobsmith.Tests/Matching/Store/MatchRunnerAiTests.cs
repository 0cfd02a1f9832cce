using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Matching.Store;

/// <summary>D3 in the product path: a configured embedding endpoint and chat model take part in a match run.</summary>
public sealed class MatchRunnerAiTests
{
    [SkippableFact]
    public async Task A_run_embeds_with_the_configured_endpoint_and_lets_the_chat_model_rerank()
    {
        var embeddings = new BagOfWordsGenerator();
        // The model answers with an order it cannot justify: the run must still return every match, best first.
        var chat = new FakeChatClient("not a ranking");
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite", s =>
        {
            s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embeddings);
            s.AddSingleton<IChatClient>(chat);
        });
        var priya = await harness.AddCandidateAsync("priya-ai@example.com");

        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 3, CancellationToken.None));

        Assert.Equal(3, run.Matches.Count);
        Assert.Equal(run.Matches.Select(m => m.Score).OrderByDescending(s => s), run.Matches.Select(m => m.Score));
        // Every stored posting was embedded once, plus the candidate's profile as the query.
        Assert.True(embeddings.Texts.Count > run.Considered, $"{embeddings.Texts.Count} texts embedded for {run.Considered} postings");
        Assert.NotEmpty(chat.LastMessages);
    }
}
