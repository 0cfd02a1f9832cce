using Jobsmith.Core.Data;
using Jobsmith.Core.Security;

namespace Jobsmith.Core.Flags;

public sealed record FeatureFlagState(string Name, string Group, string Description, bool Enabled, bool DefaultEnabled);

/// <summary>The admin's view and switch of flags (A4): persisted, audited, effective without a restart.</summary>
public sealed class FeatureFlagService(AppDbContext db, FeatureFlagStore store, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<FeatureFlagState>> ListAsync(CancellationToken cancellationToken)
    {
        var states = await store.GetStatesAsync(cancellationToken);
        return [.. FeatureFlagCatalog.All.Select(f => new FeatureFlagState(f.Name, f.Group, f.Description, states[f.Name], f.DefaultEnabled))];
    }

    /// <summary>Returns false for an unknown flag name.</summary>
    public async Task<bool> SetAsync(string name, bool enabled, string actorId, CancellationToken cancellationToken)
    {
        var definition = FeatureFlagCatalog.Find(name);
        if (definition is null) return false;
        var row = await db.Set<FeatureFlagSetting>().FindAsync([definition.Name], cancellationToken);
        if (row is null)
        {
            row = new FeatureFlagSetting { Name = definition.Name };
            db.Set<FeatureFlagSetting>().Add(row);
        }
        row.Enabled = enabled;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actorId;
        audit.Record("flag.changed", null, $"{definition.Name} = {(enabled ? "on" : "off")}", actorId);
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        return true;
    }
}
