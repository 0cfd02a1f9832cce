using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Jobs.Store;

public sealed class JobIngestionStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reimporting_the_ashby_folder_updates_and_never_adds_twice(string provider)
    {
        var folder = SharedData.Require("jobs", "ashby");
        await using var harness = await StoreHarness.CreateAsync(provider);

        var first = await harness.WithAsync(async sp => await sp.GetRequiredService<JobIngestionStore>().SaveAsync(
            await sp.GetRequiredService<JobIngestion>().ImportPathAsync("ashby", folder, default), default));
        var second = await harness.WithAsync(async sp => await sp.GetRequiredService<JobIngestionStore>().SaveAsync(
            await sp.GetRequiredService<JobIngestion>().ImportPathAsync("ashby", folder, default), default));

        Assert.Equal((404, 404, 0, 0, 0), (first.Fetched, first.Added, first.Updated, first.Duplicates, first.Rejected));
        Assert.Equal((404, 0, 404, 0), (second.Fetched, second.Added, second.Updated, second.Rejected));
        var rows = await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().AsNoTracking().ToListAsync());
        Assert.Equal(404, rows.Count);
        Assert.All(rows, r => Assert.Equal(PostingStatus.Open, r.Status));
        Assert.Equal(404, rows.Select(r => r.ContentHash).Distinct().Count());

        // Skills were extracted at ingest with offsets into the stored description text.
        var withSkills = rows.Where(r => r.SkillsJson != "[]").ToList();
        Assert.True(withSkills.Count > 300, $"only {withSkills.Count} postings have skills");
        var sample = withSkills[0];
        var detail = await harness.WithAsync(sp => sp.GetRequiredService<JobQueries>().GetAsync(sample.Id, default));
        Assert.NotNull(detail);
        Assert.All(detail.Skills, s => Assert.Equal(s.Text, sample.DescriptionText[s.Start..s.End]));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Duplicates_are_linked_to_their_canonical_posting_within_and_across_imports(string provider)
    {
        var file = SharedData.Require("jobs", "ashby", "Secoda.json");
        await using var harness = await StoreHarness.CreateAsync(provider);
        var postings = await harness.WithAsync(sp => Task.FromResult(sp.GetRequiredService<JobIngestion>().ImportPayload("ashby", File.ReadAllText(file), null).Batch.Postings));
        var original = postings[0];
        // A repost under a new id with the same page, in the same batch: the detector links it by canonical URL.
        var repost = original with { ExternalId = original.ExternalId + "-repost", PostedAt = original.PostedAt?.AddDays(3) };
        var withRepost = postings.Append(repost).ToList();

        var first = await SaveAsync(harness, withRepost);
        var again = await SaveAsync(harness, withRepost);
        // The same page syndicated by another source in a later run links to the stored posting, not the other way.
        var syndicated = original with { SourceKind = "greenhouse", ExternalId = "gh-1" };
        var later = await SaveAsync(harness, [syndicated]);
        var reimport = await SaveAsync(harness, postings.ToList());

        Assert.Equal((postings.Count + 1, 1), (first.Added, first.Duplicates));
        Assert.Equal((0, postings.Count + 1, 1), (again.Added, again.Updated, again.Duplicates));
        Assert.Equal((1, 1), (later.Added, later.Duplicates));
        Assert.Equal(0, reimport.Duplicates);
        var groups = await harness.WithAsync(sp => sp.GetRequiredService<JobQueries>().DuplicateGroupsAsync(default));
        var group = Assert.Single(groups);
        // Canonical first, then its duplicates in ordinal order of external id.
        Assert.Equal([original.ExternalId, original.ExternalId + "-repost", "gh-1"], group);
        var links = await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PostingDuplicateLink>().AsNoTracking().ToListAsync());
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Equal(nameof(DuplicateReason.SameCanonicalUrl), l.Reason));
        Assert.Equal(postings.Count + 2, await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().CountAsync()));
    }

    private static Task<ImportSummary> SaveAsync(StoreHarness harness, List<JobPosting> postings) => harness.WithAsync(sp =>
    {
        var result = new IngestionResult(new SourceBatch(postings[0].SourceKind, postings.Count, postings, []), sp.GetRequiredService<DuplicateDetector>().Group(postings));
        return sp.GetRequiredService<JobIngestionStore>().SaveAsync(result, default);
    });
}
