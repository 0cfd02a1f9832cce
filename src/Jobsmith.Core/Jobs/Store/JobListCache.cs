using System.Collections.Concurrent;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>
/// Pages of the job list as last read, so the page everyone opens (the first one, a refresh, a client polling the API)
/// is answered from memory instead of a query per request. Every write of postings in this process calls
/// <see cref="Changed"/> after it commits, which drops every page at once: a reader in this process never sees a page
/// older than the last store, close or reopen. <see cref="Lifetime"/> bounds how long a write by another process
/// (the CLI importing into the same SQLite file, a worker node on PostgreSQL) can go unseen.
/// </summary>
public sealed class JobListCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<string, Entry> _pages = new(StringComparer.Ordinal);
    private long _version;

    private sealed record Entry(JobPage Page, long Version, long StoredAt);

    /// <summary>Taken before a page is read from the database and handed back to <see cref="Keep"/>.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Changed()
    {
        Interlocked.Increment(ref _version);
        _pages.Clear();
    }

    public bool TryGet(string key, out JobPage page)
    {
        page = null!;
        if (!_pages.TryGetValue(key, out var entry) || entry.Version != Version || clock.GetElapsedTime(entry.StoredAt) >= Lifetime) return false;
        page = entry.Page;
        return true;
    }

    /// <summary>Keeps a page read at <paramref name="version"/>; a write since then means the page may be out of date already.</summary>
    public void Keep(string key, long version, JobPage page)
    {
        // Checked again by TryGet: a write between this check and the store still makes the entry unusable.
        if (version != Version) return;
        if (_pages.Count >= MaxEntries) _pages.Clear();
        _pages[key] = new Entry(page, version, clock.GetTimestamp());
    }
}
