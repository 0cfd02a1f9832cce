using System.Collections.Concurrent;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>
/// Keeps the total of a large job list for a few seconds, so paging through 100,000 postings does not count them all on
/// every request. Totals under <see cref="ExactBelow"/> are cheap to count and never cached, so small lists are always exact.
/// </summary>
public sealed class JobListCounts(TimeProvider clock)
{
    public const int ExactBelow = 10_000;
    private const int MaxEntries = 512;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Until)> _totals = new(StringComparer.Ordinal);

    public async Task<int> CountAsync(string filter, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var now = clock.GetUtcNow();
        if (_totals.TryGetValue(filter, out var known) && known.Until > now) return known.Count;
        var total = await count();
        if (total < ExactBelow) return total;
        if (_totals.Count >= MaxEntries) _totals.Clear();
        _totals[filter] = (total, now + Lifetime);
        return total;
    }
}
