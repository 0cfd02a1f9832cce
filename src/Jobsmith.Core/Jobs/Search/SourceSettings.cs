using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Search;

/// <summary>What an admin sees of a source. Credentials appear by name only: their values are write-only.</summary>
public sealed record SourceView(string Kind, bool Enabled, bool EnabledByDefault, int? IntervalMinutes, IReadOnlyList<string> Targets,
    IReadOnlyList<string> CredentialNames, DateTime? LastRunAt, DateTime? LastSuccessAt, string? LastError, int ConsecutiveFailures,
    string CircuitState, int LastFetched, int LastAdded, string RateLimit);

/// <summary>A partial update: null leaves a setting as it is; an empty credential value removes that credential.</summary>
public sealed record SourceUpdate(bool? Enabled, int? IntervalMinutes, IReadOnlyList<string>? Targets, IReadOnlyDictionary<string, string>? Credentials);

/// <summary>Source settings (C6): enable via the <c>Source.{kind}</c> flag, schedule, targets, encrypted API keys.</summary>
public sealed class SourceSettings(AppDbContext db, JobSourceCatalog catalog, FeatureFlagStore flags, FeatureFlagService flagService,
    IDataProtectionProvider protection, JobSchedules schedules, AuditLog audit, TimeProvider clock)
{
    public const int MinIntervalMinutes = 5;
    public const int MaxIntervalMinutes = 7 * 24 * 60;

    private readonly IDataProtector _protector = protection.CreateProtector("Jobsmith.Jobs.SourceCredentials");

    public bool IsKnown(string kind) => catalog.Descriptors.Any(d => string.Equals(d.Kind, kind, StringComparison.OrdinalIgnoreCase));

    public async Task<IReadOnlyList<SourceView>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<JobSourceSetting>().AsNoTracking().ToDictionaryAsync(s => s.Kind, cancellationToken);
        var states = await flags.GetStatesAsync(cancellationToken);
        return [.. catalog.Descriptors.Select(d => View(d.Kind, rows.GetValueOrDefault(d.Kind), states))];
    }

    public async Task<SourceView?> GetAsync(string kind, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(v => string.Equals(v.Kind, kind, StringComparison.OrdinalIgnoreCase));

    public async Task<bool> IsEnabledAsync(string kind, CancellationToken cancellationToken) =>
        (await flags.GetStatesAsync(cancellationToken)).TryGetValue(FeatureFlagCatalog.SourceFlag(kind), out var on) && on;

    /// <summary>Applies an update (already validated by the caller) and reschedules the source's runs.</summary>
    public async Task<SourceView> UpdateAsync(string kind, SourceUpdate update, string actorId, CancellationToken cancellationToken)
    {
        kind = catalog.Get(kind).Descriptor.Kind;
        var row = await RowAsync(kind, cancellationToken);
        if (update.IntervalMinutes is { } interval) row.IntervalMinutes = interval == 0 ? null : interval;
        if (update.Targets is { } targets) row.Targets = string.Join('\n', targets.Select(t => t.Trim()).Where(t => t.Length > 0));
        if (update.Credentials is { Count: > 0 } changes)
        {
            var keys = Credentials(row);
            foreach (var (name, value) in changes)
                if (string.IsNullOrEmpty(value)) keys.Remove(name);
                else keys[name] = value;
            row.ProtectedCredentials = keys.Count == 0 ? null : _protector.Protect(JsonSerializer.Serialize(keys));
        }
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // Names only: a key's value must never reach the audit log.
        audit.Record("source.updated", null, $"{kind}: interval={row.IntervalMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}"
            + (update.Credentials is { Count: > 0 } c ? $", keys changed: {string.Join(",", c.Keys)}" : ""), actorId);
        await db.SaveChangesAsync(cancellationToken);
        if (update.Enabled is { } enabled) await flagService.SetAsync(FeatureFlagCatalog.SourceFlag(kind), enabled, actorId, cancellationToken);
        await schedules.ScheduleSourceAsync(kind, row.IntervalMinutes, cancellationToken);
        return (await GetAsync(kind, cancellationToken))!;
    }

    /// <summary>The decrypted keys for a run; never logged or returned by the API.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CredentialsAsync(string kind, CancellationToken cancellationToken)
    {
        var row = await db.Set<JobSourceSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.Kind == kind, cancellationToken);
        return row is null ? new Dictionary<string, string>() : Credentials(row);
    }

    /// <summary>
    /// The targets to fetch, read without tracking: a run stores postings in between (the store may clear the change
    /// tracker), and a row added here just to read it would collide with the one the run's record adds after.
    /// </summary>
    public async Task<IReadOnlyList<string>> TargetsAsync(string kind, CancellationToken cancellationToken) =>
        await db.Set<JobSourceSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.Kind == kind, cancellationToken) is { } row ? Targets(row) : [];

    internal async Task<JobSourceSetting> RowAsync(string kind, CancellationToken cancellationToken)
    {
        var row = await db.Set<JobSourceSetting>().FirstOrDefaultAsync(s => s.Kind == kind, cancellationToken);
        if (row is not null) return row;
        row = new JobSourceSetting { Kind = kind, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.Set<JobSourceSetting>().Add(row);
        return row;
    }

    private Dictionary<string, string> Credentials(JobSourceSetting row) => row.ProtectedCredentials is null
        ? new Dictionary<string, string>(StringComparer.Ordinal)
        : JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(row.ProtectedCredentials)) ?? [];

    private SourceView View(string kind, JobSourceSetting? row, IReadOnlyDictionary<string, bool> states)
    {
        var descriptor = catalog.Get(kind).Descriptor;
        var limit = $"{descriptor.RateLimit.Requests} per {descriptor.RateLimit.Per.TotalSeconds:0}s";
        var enabled = states.TryGetValue(FeatureFlagCatalog.SourceFlag(kind), out var on) && on;
        if (row is null) return new(kind, enabled, descriptor.EnabledByDefault, null, [], [], null, null, null, 0, CircuitStates.Closed, 0, 0, limit);
        return new(kind, enabled, descriptor.EnabledByDefault, row.IntervalMinutes, Targets(row), [.. Credentials(row).Keys.Order(StringComparer.Ordinal)],
            row.LastRunAt, row.LastSuccessAt, row.LastError, row.ConsecutiveFailures, row.CircuitState, row.LastFetched, row.LastAdded, limit);
    }

    internal static IReadOnlyList<string> Targets(JobSourceSetting row) =>
        row.Targets.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
