using Jobsmith.Core.Jobs;
using Jobsmith.Core.Matching;
using Jobsmith.Core.Skills;

namespace Jobsmith.Tests.Matching;

public sealed class ScoringTests
{
    private static readonly MatchProfile Backend = MatchProfile.FromParts(["Python", "PostgreSQL", "Docker"], ["Senior Backend Engineer"], 5,
        "Senior backend engineer building Python services on PostgreSQL, deployed with Docker.");

    private static readonly JobPosting[] Postings =
    [
        MatchingData.Posting("py", "Senior Backend Engineer", "We want Python, PostgreSQL and Kubernetes experience for our API team."),
        MatchingData.Posting("acct", "Accountant", "Bookkeeping, month-end close, IFRS reporting and Excel."),
        MatchingData.Posting("jr", "Junior Backend Developer", "Python and Docker for our first backend hires."),
    ];

    [Fact]
    public void Scores_are_0_to_100_sorted_and_explain_matched_and_missing_skills()
    {
        var results = new Matcher().Rank(Backend, MatchPreferences.None, PostingIndex.Build(Postings), 10).Results;

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.InRange(r.Score, 0, 100));
        Assert.Equal(results.OrderByDescending(r => r.Score).Select(r => r.Posting.ExternalId), results.Select(r => r.Posting.ExternalId));
        Assert.Equal("acct", results[^1].Posting.ExternalId);
        var py = results.Single(r => r.Posting.ExternalId == "py");
        Assert.Contains("Python", py.MatchedSkills);
        Assert.Contains("PostgreSQL", py.MatchedSkills);
        Assert.Contains("Kubernetes", py.MissingSkills);
        Assert.Contains(py.Pros, p => p.Contains("Python", StringComparison.Ordinal));
        Assert.Contains(py.Cons, c => c.Contains("Kubernetes", StringComparison.Ordinal));
        Assert.Equal("senior, your level", py.SeniorityFit);
        var junior = results.Single(r => r.Posting.ExternalId == "jr");
        Assert.Contains("below your senior level", junior.SeniorityFit, StringComparison.Ordinal);
        Assert.True(py.Features.Seniority > junior.Features.Seniority);
    }

    [Fact]
    public void Without_vectors_the_semantic_weight_drops_out_instead_of_lowering_every_score()
    {
        var index = PostingIndex.Build(Postings);
        Assert.Equal("none", index.VectorSpace);
        var top = new Matcher().Rank(Backend, MatchPreferences.None, index, 1).Results[0];
        var expected = MatchWeights.Default.Score(top.Features, semanticAvailable: false);
        Assert.Equal((int)Math.Round(expected), top.Score);
        Assert.True(expected > MatchWeights.Default.Score(top.Features, semanticAvailable: true));
    }

    [SkippableFact]
    public void On_real_postings_every_matched_skill_is_in_both_and_every_missing_skill_only_in_the_posting()
    {
        var postings = MatchingData.Ashby();
        var profiles = MatchingData.DotinProfiles(["149", "186", "38", "30"]);
        var index = PostingIndex.Build(postings);
        var checkedResults = 0;
        foreach (var profile in profiles.Values)
        {
            foreach (var result in new Matcher().Rank(profile, MatchPreferences.None, index, 60).Results)
            {
                // Re-extract the posting's skills independently of the index, from the same fields.
                var posting = result.Posting;
                var postingSkills = new[] { posting.Title, posting.Description.Text }.Concat(posting.Requirements)
                    .SelectMany(t => SkillExtractor.Default.Extract(t)).Select(m => m.Canonical).ToHashSet(StringComparer.Ordinal);
                Assert.All(result.MatchedSkills, s => Assert.True(profile.Skills.Contains(s) && postingSkills.Contains(s), s));
                Assert.All(result.MissingSkills, s => Assert.True(!profile.Skills.Contains(s) && postingSkills.Contains(s), s));
                Assert.Equal(postingSkills.Count, result.MatchedSkills.Count + result.MissingSkills.Count);
                checkedResults++;
            }
        }
        Assert.Equal(4 * 60, checkedResults);
    }

    [Fact]
    public void Excluded_and_already_shown_postings_are_never_returned()
    {
        var postings = Enumerable.Range(0, 60).Select(i => MatchingData.Posting($"p{i}", i % 2 == 0 ? "Backend Engineer" : "Data Analyst",
            $"Python and SQL, posting {i}. " + (i % 3 == 0 ? "PostgreSQL" : "Excel"))).ToArray();
        var index = PostingIndex.Build(postings);
        var matcher = new Matcher();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        // Successive runs, each excluding everything shown before: D4's "never the same job twice".
        for (var run = 0; run < 6; run++)
        {
            var results = matcher.Rank(Backend, MatchPreferences.None, index, 10, shown).Results;
            Assert.Equal(10, results.Count);
            Assert.All(results, r => Assert.True(shown.Add(r.Posting.Key), r.Posting.Key));
        }
        Assert.Empty(matcher.Rank(Backend, MatchPreferences.None, index, 10, shown).Results);
    }
}
