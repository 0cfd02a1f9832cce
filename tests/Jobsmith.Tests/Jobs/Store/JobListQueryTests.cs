using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Jobs.Store;

/// <summary>The job list reads: cursor paging while postings arrive, the columns it reads, and full-text search.</summary>
public sealed class JobListQueryTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cursor_pages_neither_repeat_nor_skip_postings_while_new_ones_are_stored(string provider)
    {
        await using var harness = await StoreHarness.CreateAsync(provider);
        await SaveAsync(harness, Postings("first", 230));
        await SaveAsync(harness, Postings("second", 170));
        var before = (await ListAsync(harness, new JobQuery { PageSize = 100 })).Total;

        var seen = new List<string>();
        string? cursor = null;
        var round = 0;
        do
        {
            var page = await ListAsync(harness, new JobQuery { PageSize = 37, Cursor = cursor });
            seen.AddRange(page.Items.Select(i => i.ExternalId));
            cursor = page.NextCursor;
            // Newer postings arrive between pages; an offset would now shift every later page by this many rows.
            await SaveAsync(harness, Postings($"late{round++}", 11));
        }
        while (cursor is not null);

        Assert.Equal(400, before);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(400, seen.Count);
        Assert.DoesNotContain(seen, e => e.StartsWith("late", StringComparison.Ordinal));
        Assert.Equal(230, seen.Count(e => e.StartsWith("first", StringComparison.Ordinal)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_list_reads_only_summary_columns_even_when_searching_text(string provider)
    {
        await using var harness = await StoreHarness.CreateAsync(provider);
        foreach (var query in new[] { new JobQuery(), new JobQuery { Text = "rust", Title = "engineer", Status = "all" } })
        {
            var sql = await harness.WithAsync(sp => Task.FromResult(sp.GetRequiredService<JobQueries>().ListSql(query)));
            var select = sql[..sql.IndexOf("FROM", StringComparison.Ordinal)];
            foreach (var heavy in new[] { "DescriptionText", "DescriptionMarkdown", "RawJson", "SkillsJson", "RequirementsJson" })
                Assert.DoesNotContain(heavy, select, StringComparison.Ordinal);
            Assert.Contains("Title", select, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Text_search_finds_word_prefixes_through_the_index_and_follows_edits(string provider)
    {
        await using var harness = await StoreHarness.CreateAsync(provider);
        var postings = Postings("p", 30);
        postings[4] = postings[4] with { Description = new PostingDescription("We run Kubernetes clusters.", "We run Kubernetes clusters.") };
        postings[9] = postings[9] with { Company = "Kubeworks" };
        await SaveAsync(harness, postings);

        var found = await ListAsync(harness, new JobQuery { Text = "KUBE" });
        var both = await ListAsync(harness, new JobQuery { Text = "kubernetes clusters!" });
        postings[4] = postings[4] with { Description = new PostingDescription("We write Haskell.", "We write Haskell.") };
        await SaveAsync(harness, postings);
        var afterEdit = await ListAsync(harness, new JobQuery { Text = "kubernetes" });
        var haskell = await ListAsync(harness, new JobQuery { Text = "haskell" });

        Assert.Equal(["p-4", "p-9"], found.Items.Select(i => i.ExternalId).Order(StringComparer.Ordinal));
        Assert.Equal(2, found.Total);
        Assert.Equal("p-4", Assert.Single(both.Items).ExternalId);
        Assert.Empty(afterEdit.Items);
        Assert.Equal("p-4", Assert.Single(haskell.Items).ExternalId);
    }

    private static List<JobPosting> Postings(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => new JobPosting
    {
        SourceKind = "csv",
        ExternalId = $"{prefix}-{i}",
        Title = $"Engineer {prefix} {i}",
        Company = $"Company {prefix} {i}",
        Description = new PostingDescription($"Posting {prefix} number {i}.", $"Posting {prefix} number {i}."),
        CanonicalUrl = new Uri($"https://jobs.example/{prefix}/{i}"),
        Application = new ApplicationRoute(ApplicationType.Complex, "test posting"),
    })];

    private static Task<JobPage> ListAsync(StoreHarness harness, JobQuery query) =>
        harness.WithAsync(sp => sp.GetRequiredService<JobQueries>().SearchAsync(query, default));

    private static Task<ImportSummary> SaveAsync(StoreHarness harness, List<JobPosting> postings) => harness.WithAsync(sp =>
    {
        var result = new IngestionResult(new SourceBatch("csv", postings.Count, postings, []), sp.GetRequiredService<DuplicateDetector>().Group(postings));
        return sp.GetRequiredService<JobIngestionStore>().SaveAsync(result, default);
    });
}
