using System.Text.Json;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Jobs.Store;

/// <summary>
/// The batched store on both providers with more postings than one batch: counts, skills, events, links across
/// batches, and two runs storing the same new postings at the same moment.
/// </summary>
public sealed class BatchedIngestTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_batch_is_stored_with_its_skills_and_one_event_per_batch_of_changes(string provider)
    {
        var postings = Copies(AshbyPostings(), 3);
        Assert.True(postings.Count > 2 * JobIngestionStore.BatchSize);
        await using var harness = await StoreHarness.CreateAsync(provider);
        var reports = new List<int>();

        var first = await SaveAsync(harness, postings, new Progress(reports));
        var again = await SaveAsync(harness, postings);
        var edited = postings.Select((p, i) => i == 7 ? p with { Description = new PostingDescription("Now we need Kubernetes and Rust.", "Now we need Kubernetes and Rust.") } : p).ToList();
        var third = await SaveAsync(harness, edited);

        Assert.Equal((postings.Count, 0), (first.Added, first.Updated));
        Assert.Equal((0, postings.Count), (again.Added, again.Updated));
        Assert.Equal((0, postings.Count), (third.Added, third.Updated));
        Assert.Equal(postings.Count, reports[^1]);
        Assert.True(reports.Count >= 3, "progress is reported per batch");

        var rows = await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().AsNoTracking()
            .Select(p => new { p.Id, p.ExternalId, p.SkillsJson, p.DescriptionText }).ToListAsync());
        Assert.Equal(postings.Count, rows.Count);
        // Skills are the extractor's on the stored text, also for the posting whose description changed on the third run.
        foreach (var row in rows.Where((_, i) => i % 97 == 0).Append(rows.Single(r => r.ExternalId == edited[7].ExternalId)))
            Assert.Equal(JsonSerializer.Serialize(PostingMapper.Skills(row.DescriptionText), JsonSerializerOptions.Web), row.SkillsJson);
        Assert.Contains("Kubernetes", rows.Single(r => r.ExternalId == edited[7].ExternalId).SkillsJson, StringComparison.Ordinal);

        var events = await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentEvent>().AsNoTracking()
            .Where(e => e.Type == EventTypes.PostingsStored).OrderBy(e => e.Id).Select(e => e.PayloadJson).ToListAsync());
        // First run: one event per batch naming every added posting; the unchanged re-import publishes nothing;
        // the edit publishes one event naming only the changed posting.
        var batches = (postings.Count + JobIngestionStore.BatchSize - 1) / JobIngestionStore.BatchSize;
        Assert.Equal(batches + 1, events.Count);
        var payloads = events.Select(e => JsonDocument.Parse(e).RootElement).ToList();
        Assert.Equal(rows.Select(r => r.Id).Order(), payloads.Take(batches).SelectMany(p => p.GetProperty("added").EnumerateArray().Select(a => a.GetGuid())).Order());
        var last = payloads[^1];
        Assert.Empty(last.GetProperty("added").EnumerateArray());
        Assert.Equal(rows.Single(r => r.ExternalId == edited[7].ExternalId).Id, Assert.Single(last.GetProperty("changed").EnumerateArray()).GetGuid());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_runs_storing_the_same_new_postings_at_once_both_succeed_and_store_each_once(string provider)
    {
        var postings = Copies(AshbyPostings(), 2);
        await using var harness = await StoreHarness.CreateAsync(provider);

        for (var round = 0; round < 3; round++)
        {
            var batch = postings.Select(p => p with { ExternalId = $"{p.ExternalId}-r{round}" }).ToList();
            var both = await Task.WhenAll(Task.Run(() => SaveAsync(harness, batch)), Task.Run(() => SaveAsync(harness, batch)));

            Assert.All(both, s => Assert.Equal(batch.Count, s.Added + s.Updated));
            Assert.Equal(batch.Count, both.Sum(s => s.Added));
            Assert.Equal(both[0].SeenIds.Order(), both[1].SeenIds.Order());
        }
        var count = await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().CountAsync());
        Assert.Equal(3 * postings.Count, count);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_duplicate_in_a_later_batch_links_to_its_canonical_and_a_later_run_links_to_the_stored_one(string provider)
    {
        var postings = Copies(AshbyPostings(), 2);
        var original = postings[0];
        // Sorted by key, "zz…" lands in the last batch while the original is in the first.
        var repost = original with { ExternalId = "zz-repost", PostedAt = original.PostedAt?.AddDays(3) };
        await using var harness = await StoreHarness.CreateAsync(provider);

        var first = await SaveAsync(harness, [.. postings, repost]);
        var later = await SaveAsync(harness, [original with { SourceKind = "lever", ExternalId = "lever-1" }]);

        Assert.True(first.Duplicates >= 1);
        Assert.Equal((1, 1), (later.Added, later.Duplicates));
        var links = await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PostingDuplicateLink>().AsNoTracking().ToListAsync());
        var ids = await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().AsNoTracking()
            .Where(p => p.ExternalId == original.ExternalId || p.ExternalId == "zz-repost" || p.ExternalId == "lever-1")
            .ToDictionaryAsync(p => p.ExternalId, p => p.Id));
        Assert.Equal(ids[original.ExternalId], links.Single(l => l.PostingId == ids["zz-repost"]).CanonicalId);
        Assert.Equal(ids[original.ExternalId], links.Single(l => l.PostingId == ids["lever-1"]).CanonicalId);
    }

    private static List<JobPosting> AshbyPostings()
    {
        var folder = SharedData.Require("jobs", "ashby");
        var source = new AshbySource(null!);
        return [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).SelectMany(f => source.Parse(File.ReadAllText(f), null).Postings)];
    }

    // Copies under new ids and another company, so a batch holds more postings than the real folder.
    private static List<JobPosting> Copies(List<JobPosting> postings, int times) =>
        [.. Enumerable.Range(0, times).SelectMany(k => postings.Select(p => k == 0 ? p : p with
        {
            ExternalId = $"{p.ExternalId}-copy{k}",
            Company = $"{p.Company} {k}",
            CanonicalUrl = p.CanonicalUrl is null ? null : new Uri($"{p.CanonicalUrl.AbsoluteUri.TrimEnd('/')}/copy{k}"),
        }))];

    private static Task<ImportSummary> SaveAsync(StoreHarness harness, List<JobPosting> postings, IProgress<int>? progress = null) => harness.WithAsync(sp =>
    {
        var result = new IngestionResult(new SourceBatch(postings[0].SourceKind, postings.Count, postings, []), sp.GetRequiredService<DuplicateDetector>().Group(postings));
        return sp.GetRequiredService<JobIngestionStore>().SaveAsync(result, default, progress: progress);
    });

    private sealed class Progress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
