using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Accounts;

/// <summary>
/// Slows password guessing without a hard lock anyone could trigger against a victim (R3): waits grow
/// exponentially per key and always end. Keys are the typed email, not the account, so an unknown address is
/// throttled exactly like a real one and the answer cannot tell them apart. In memory per node: a restart or
/// another node starts over, which only ever loosens the limit; the per-IP rate limiter still applies.
/// </summary>
public sealed class LoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 100_000;
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>How long this client must wait before trying this email again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string? clientAddress, string email)
    {
        var now = clock.GetUtcNow();
        TimeSpan? wait = null;
        foreach (var (key, _) in Keys(clientAddress, email))
        {
            if (!_counters.TryGetValue(key, out var counter)) continue;
            lock (counter)
            {
                if (counter.BlockedUntil > now && (wait is null || counter.BlockedUntil - now > wait))
                    wait = counter.BlockedUntil - now;
            }
        }
        return wait;
    }

    public void RecordFailure(string? clientAddress, string email)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        if (_counters.Count > PruneAbove) Prune(now);
        foreach (var (key, free) in Keys(clientAddress, email))
        {
            var counter = _counters.GetOrAdd(key, _ => new Counter());
            lock (counter)
            {
                if (now - counter.LastFailure > TimeSpan.FromSeconds(o.ForgetAfterSeconds)) counter.Failures = 0;
                counter.Failures++;
                counter.LastFailure = now;
                // The free failures pass; from the last of them on, each failure doubles the wait.
                var over = counter.Failures - free;
                if (over < 0) continue;
                var seconds = Math.Min(o.BaseDelaySeconds * Math.Pow(2, Math.Min(over, 30)), o.MaxDelaySeconds);
                counter.BlockedUntil = now + TimeSpan.FromSeconds(seconds);
            }
        }
    }

    /// <summary>The right password from this client clears its own guesses at this email; the address and email
    /// counters stay, so owning one account does not buy a sprayer fresh attempts.</summary>
    public void RecordSuccess(string? clientAddress, string email) =>
        _counters.TryRemove(PairKey(clientAddress, email), out _);

    private IEnumerable<(string Key, int Free)> Keys(string? clientAddress, string email)
    {
        var o = options.Value;
        yield return (PairKey(clientAddress, email), o.FreeFailuresPerAddressAndEmail);
        yield return ("a|" + Address(clientAddress), o.FreeFailuresPerAddress);
        yield return ("e|" + Normalize(email), o.FreeFailuresPerEmail);
    }

    private static string PairKey(string? clientAddress, string email) => $"p|{Address(clientAddress)}|{Normalize(email)}";

    private static string Address(string? clientAddress) => string.IsNullOrEmpty(clientAddress) ? "unknown" : clientAddress;

    private static string Normalize(string email) => (email ?? "").Trim().ToUpperInvariant();

    private void Prune(DateTimeOffset now)
    {
        var forget = TimeSpan.FromSeconds(options.Value.ForgetAfterSeconds);
        foreach (var (key, counter) in _counters)
        {
            bool stale;
            lock (counter) stale = counter.BlockedUntil <= now && now - counter.LastFailure > forget;
            if (stale) _counters.TryRemove(key, out _);
        }
    }

    private sealed class Counter
    {
        public int Failures;
        public DateTimeOffset LastFailure;
        public DateTimeOffset BlockedUntil;
    }
}
