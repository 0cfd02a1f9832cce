using Jobsmith.Core.Matching;
using Jobsmith.Tests.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jobsmith.Tests.Matching;

public sealed class AiPathsTests
{
    private static readonly MatchProfile Analyst = MatchProfile.FromParts(["SQL", "Tableau"], ["Data Analyst"], 3, "data analyst sql tableau dashboards");

    private static readonly Jobsmith.Core.Jobs.JobPosting[] Postings =
    [
        MatchingData.Posting("a", "Data Analyst", "SQL dashboards in Tableau."),
        MatchingData.Posting("b", "Analytics Engineer", "SQL and dbt models."),
        MatchingData.Posting("c", "Chef", "Cooking for our office."),
    ];

    [Fact]
    public async Task A_configured_embedding_generator_supplies_posting_and_query_vectors()
    {
        var generator = new BagOfWordsGenerator();
        var index = await PostingIndex.BuildAsync(Postings, generator, CancellationToken.None);
        Assert.Equal("embeddings", index.VectorSpace);
        Assert.Equal(BagOfWordsGenerator.Dimensions, index.Dimensions);

        var outcome = await new Matcher(MatchWeights.SemanticOnly).RankAsync(Analyst, MatchPreferences.None, index, 3);
        Assert.Equal(Postings.Length + 1, generator.Texts.Count);
        Assert.Equal("a", outcome.Results[0].Posting.ExternalId);
        Assert.Equal("c", outcome.Results[^1].Posting.ExternalId);
        Assert.True(outcome.Results[0].Features.Semantic > outcome.Results[^1].Features.Semantic);
    }

    [Fact]
    public async Task The_llm_reorders_the_top_k_with_rationales_and_keeps_postings_it_left_out()
    {
        var chat = new FakeChatClient("""{"ranking":[{"id":"P2","rationale":"Closer to analytics engineering goals."},{"id":"P9","rationale":"unknown id"}]}""");
        var index = PostingIndex.Build(Postings);
        var before = new Matcher().Rank(Analyst, MatchPreferences.None, index, 3).Results;
        var after = await new Matcher().RankAsync(Analyst, MatchPreferences.None, index, 3,
            reranker: new LlmReranker(chat, NullLogger<LlmReranker>.Instance, topK: 3));

        Assert.Equal([before[1].Posting.Key, before[0].Posting.Key, before[2].Posting.Key], after.Results.Select(r => r.Posting.Key));
        Assert.Equal("Closer to analytics engineering goals.", after.Results[0].Rationale);
        Assert.Null(after.Results[1].Rationale);
        var prompt = chat.LastMessages[^1].Text;
        Assert.Contains("P1: " + before[0].Posting.Title, prompt, StringComparison.Ordinal);
        Assert.Contains("Candidate skills: SQL, Tableau", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unusable_llm_reply_keeps_the_matcher_order()
    {
        var index = PostingIndex.Build(Postings);
        var before = new Matcher().Rank(Analyst, MatchPreferences.None, index, 3).Results;
        var after = await new Matcher().RankAsync(Analyst, MatchPreferences.None, index, 3,
            reranker: new LlmReranker(new FakeChatClient("I would rather not."), NullLogger<LlmReranker>.Instance));
        Assert.Equal(before.Select(r => r.Posting.Key), after.Results.Select(r => r.Posting.Key));
        Assert.All(after.Results, r => Assert.Null(r.Rationale));
    }
}
