using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Jobs.Store;

/// <summary>The job list reads: cursor paging while postings arrive, the columns it reads, full-text search, index plans and the page cache.</summary>
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

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cursor_page_starts_its_index_scan_at_the_cursor(string provider)
    {
        await using var harness = await StoreHarness.CreateAsync(provider);
        await SaveAsync(harness, Postings("p", 60));
        var cursor = (await ListAsync(harness, new JobQuery { PageSize = 5 })).NextCursor;

        var plan = await harness.WithAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var postgres = db.Database.IsNpgsql();
            await db.Database.OpenConnectionAsync();
            // A table this small would be read whole; the question is which range the index scan gets when it is used.
            if (postgres) await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            await using var command = sp.GetRequiredService<JobQueries>().ListCommand(new JobQuery { PageSize = 5, Cursor = cursor });
            command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) lines.Add(reader.GetString(postgres ? 0 : 3));
            if (postgres) await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan");
            return lines;
        });

        // PostgreSQL: "Index Cond: ((Status = 'open') AND (FirstSeenAt <= ...))"; SQLite: "SEARCH ... USING INDEX ... (Status=? AND FirstSeenAt<?)".
        Assert.Contains(plan, line => provider == DatabaseProviders.Postgres
            ? line.Contains("Index Cond", StringComparison.Ordinal) && line.Contains("FirstSeenAt", StringComparison.Ordinal)
            : line.Contains("USING", StringComparison.Ordinal) && line.Contains("FirstSeenAt<", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_by_number_and_by_cursor_cut_the_same_order(string provider)
    {
        await using var harness = await StoreHarness.CreateAsync(provider);
        var postings = Postings("p", 130);
        for (var i = 0; i < postings.Count; i += 3) postings[i] = postings[i] with { Company = "Kubeworks" };
        await SaveAsync(harness, postings);
        await SaveAsync(harness, Postings("q", 40));

        foreach (var filter in new[] { new JobQuery(), new JobQuery { Text = "kubeworks" }, new JobQuery { Title = "engineer p" } })
        {
            var all = (await ListAsync(harness, filter with { PageSize = 100 })).Items.Concat(
                (await ListAsync(harness, filter with { PageSize = 100, Page = 2 })).Items).Select(i => i.ExternalId).ToList();
            var byNumber = new List<string>();
            var byCursor = new List<string>();
            string? cursor = null;
            for (var page = 1; page <= 13; page++)
            {
                byNumber.AddRange((await ListAsync(harness, filter with { PageSize = 17, Page = page })).Items.Select(i => i.ExternalId));
                if (page > 1 && cursor is null) continue;
                var next = await ListAsync(harness, filter with { PageSize = 17, Cursor = cursor });
                byCursor.AddRange(next.Items.Select(i => i.ExternalId));
                cursor = next.NextCursor;
            }

            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.Equal(all, byNumber);
            Assert.Equal(all, byCursor);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_page_asked_again_comes_from_memory_until_this_process_changes_postings(string provider)
    {
        await using var harness = await StoreHarness.CreateAsync(provider);
        var postings = Postings("p", 12);
        postings[0] = postings[0] with { ExpiresAt = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        await SaveAsync(harness, postings);
        var first = await ListAsync(harness, new JobQuery());

        // A write that bypasses the store (as another process's would) is not seen while the page is kept...
        await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(
            "UPDATE job_postings SET \"Title\" = 'Renamed elsewhere'"));
        var again = await ListAsync(harness, new JobQuery());
        // ...while every write through this process's store or expiry shows on the next read.
        await SaveAsync(harness, Postings("new", 1));
        var afterStore = await ListAsync(harness, new JobQuery());
        await harness.WithAsync(sp => sp.GetRequiredService<PostingExpiry>().CloseExpiredAsync(default));
        var afterExpiry = await ListAsync(harness, new JobQuery());

        Assert.Equal(12, first.Total);
        Assert.Same(first, again);
        Assert.Equal(13, afterStore.Total);
        Assert.Contains(afterStore.Items, i => i.ExternalId == "new-0");
        Assert.All(afterStore.Items.Where(i => i.ExternalId != "new-0"), i => Assert.Equal("Renamed elsewhere", i.Title));
        Assert.Equal(12, afterExpiry.Total);
        Assert.DoesNotContain(afterExpiry.Items, i => i.ExternalId == "p-0");
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
