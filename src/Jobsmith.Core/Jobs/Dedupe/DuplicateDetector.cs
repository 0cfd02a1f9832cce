using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>
/// Groups postings that are the same job: same source id, same job URL (<see cref="JobUrlRule"/>: same employer,
/// and the same title when the URL is a page shared by many jobs), or near-duplicates (same employer, similar
/// title, a shared place, SimHash-close text). The earliest posted member is canonical.
/// </summary>
public sealed class DuplicateDetector(DedupeOptions options)
{
    public DuplicateDetector() : this(new DedupeOptions()) { }

    /// <summary>All groups, singletons included; every input posting is in exactly one group.</summary>
    public IReadOnlyList<DuplicateGroup> Group(IReadOnlyList<JobPosting> postings)
    {
        var links = new UnionFind(postings.Count);
        LinkByKey(postings, links, p => p.Key, DuplicateReason.SameSourceId);
        LinkSameJobUrl(postings, links);
        LinkNearDuplicates(postings, links);
        return BuildGroups(postings, links);
    }

    private static void LinkByKey(IReadOnlyList<JobPosting> postings, UnionFind links, Func<JobPosting, string?> key, DuplicateReason reason)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < postings.Count; i++)
        {
            if (key(postings[i]) is not { } k) continue;
            if (first.TryGetValue(k, out var j)) links.Union(j, i, reason, k);
            else first[k] = i;
        }
    }

    // Postings are bucketed by canonical URL, then by employer (and, on a generic page, by title words), so a
    // careers page shared by thousands of rows costs one pass rather than all pairs.
    private static void LinkSameJobUrl(IReadOnlyList<JobPosting> postings, UnionFind links)
    {
        var byUrl = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < postings.Count; i++)
        {
            if (postings[i].CanonicalUrl?.AbsoluteUri is not { } url) continue;
            if (!byUrl.TryGetValue(url, out var list)) byUrl[url] = list = [];
            list.Add(i);
        }
        foreach (var (url, members) in byUrl)
        {
            if (members.Count < 2) continue;
            var listings = members.Select(i => UrlListing.Of(postings[i])).ToList();
            var generic = JobUrlRule.IsGeneric(postings[members[0]].CanonicalUrl!, listings);
            var buckets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var m = 0; m < members.Count; m++)
            {
                var bucket = generic ? listings[m].Company + "\n" + string.Join(' ', listings[m].Title.Order(StringComparer.Ordinal)) : listings[m].Company;
                if (!buckets.TryGetValue(bucket, out var list)) buckets[bucket] = list = [];
                list.Add(m);
            }
            var detail = generic ? $"{url} (a shared page: same title and place)" : url;
            foreach (var bucket in buckets.Values)
                for (var a = 0; a < bucket.Count; a++)
                    for (var b = a + 1; b < bucket.Count; b++)
                        if (JobUrlRule.SameJob(listings[bucket[a]], listings[bucket[b]], generic))
                            links.Union(members[bucket[a]], members[bucket[b]], DuplicateReason.SameCanonicalUrl, detail);
        }
    }

    private void LinkNearDuplicates(IReadOnlyList<JobPosting> postings, UnionFind links)
    {
        var fingerprints = Fingerprints(postings);
        var byCompany = new Dictionary<string, List<(int Index, ulong Hash, HashSet<string> Title, HashSet<string> Places)>>(StringComparer.Ordinal);
        for (var i = 0; i < postings.Count; i++)
        {
            var p = postings[i];
            if (p.Description.Text.Length < options.MinTextLength) continue;
            var company = CompanyNames.Key(p.Company);
            if (!byCompany.TryGetValue(company, out var list)) byCompany[company] = list = [];
            list.Add((i, fingerprints[i], TitleKey.Of(p.Title), LocationKey.Of(p.Locations)));
        }
        foreach (var list in byCompany.Values)
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    var distance = SimHash.Distance(list[a].Hash, list[b].Hash);
                    if (distance > options.MaxSimHashDistance) continue;
                    if (TitleKey.Similarity(list[a].Title, list[b].Title) < options.MinTitleSimilarity) continue;
                    if (!LocationKey.Compatible(list[a].Places, list[b].Places)) continue;
                    links.Union(list[a].Index, list[b].Index, DuplicateReason.NearDuplicateText, $"simhash distance {distance}");
                }
            }
        }
    }

    // Fingerprinting is most of the work and independent per posting; large batches use every core.
    private ulong[] Fingerprints(IReadOnlyList<JobPosting> postings)
    {
        var result = new ulong[postings.Count];
        void One(int i)
        {
            var text = postings[i].Description.Text;
            if (text.Length >= options.MinTextLength) result[i] = SimHash.Of(text);
        }
        if (postings.Count >= 256) Parallel.For(0, postings.Count, One);
        else for (var i = 0; i < postings.Count; i++) One(i);
        return result;
    }

    private static List<DuplicateGroup> BuildGroups(IReadOnlyList<JobPosting> postings, UnionFind links)
    {
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < postings.Count; i++)
        {
            var root = links.Find(i);
            if (!members.TryGetValue(root, out var list)) members[root] = list = [];
            list.Add(i);
        }
        var groups = new List<DuplicateGroup>(members.Count);
        foreach (var list in members.Values)
        {
            var canonical = list.OrderBy(i => postings[i].PostedAt ?? DateTimeOffset.MaxValue).ThenBy(i => i).First();
            var duplicates = list.Where(i => i != canonical)
                .Select(i => links.LinkOf(i) is var (reason, detail) ? new DuplicateLink(postings[i], reason, detail) : throw new InvalidOperationException("unlinked member"))
                .ToList();
            groups.Add(new DuplicateGroup(postings[canonical], duplicates));
        }
        return groups;
    }
}
