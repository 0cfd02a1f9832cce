using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Flags;

/// <summary>
/// Effective flag states (overrides over defaults), cached briefly so hot paths don't query the database on
/// every check. A change made here takes effect at once in this process and within the TTL on other nodes.
/// </summary>
public sealed class FeatureFlagStore(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyDictionary<string, bool> States, DateTimeOffset LoadedAt)? _cache;

    public async Task<IReadOnlyDictionary<string, bool>> GetStatesAsync(CancellationToken cancellationToken = default)
    {
        if (_cache is { } c && clock.GetUtcNow() - c.LoadedAt < Ttl) return c.States;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache is { } again && clock.GetUtcNow() - again.LoadedAt < Ttl) return again.States;
            await using var scope = scopes.CreateAsyncScope();
            var overrides = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<FeatureFlagSetting>()
                .AsNoTracking().ToDictionaryAsync(f => f.Name, f => f.Enabled, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var states = FeatureFlagCatalog.All.ToDictionary(
                f => f.Name,
                f => overrides.TryGetValue(f.Name, out var enabled) ? enabled : f.DefaultEnabled,
                StringComparer.OrdinalIgnoreCase);
            _cache = (states, clock.GetUtcNow());
            return states;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cache = null;

    public void Dispose() => _gate.Dispose();
}
