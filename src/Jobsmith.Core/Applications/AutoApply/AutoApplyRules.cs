using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Applications.AutoApply;

/// <summary>A candidate's auto-apply rule as shown and edited (F2); the defaults when none was saved.</summary>
public sealed record AutoApplyView(bool Enabled, int MinScore, int DailyCap, IReadOnlyList<string> Channels, IReadOnlyList<string> AvailableChannels)
{
    public static AutoApplyView Of(AutoApplyRule rule) =>
        new(rule.Enabled, rule.MinScore, rule.DailyCap, rule.ChannelList, AutoApplyRule.AutomaticChannels);
}

/// <summary>What a candidate asks the rule to be.</summary>
public sealed record AutoApplyChange(bool Enabled, int MinScore, int DailyCap, IReadOnlyList<string>? Channels);

/// <summary>Reads and saves a candidate's own auto-apply rule (F2). Off until they turn it on; bounds keep it safe.</summary>
public sealed class AutoApplyRules(AppDbContext db, TimeProvider clock)
{
    public const int LowestMinScore = 50;

    public async Task<AutoApplyView> GetAsync(string userId, CancellationToken cancellationToken) =>
        AutoApplyView.Of(await db.Set<AutoApplyRule>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken)
                         ?? new AutoApplyRule { UserId = userId });

    /// <summary>Problems with the change, by field; empty when it is acceptable.</summary>
    public static Dictionary<string, string[]> Validate(AutoApplyChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (change.MinScore is < LowestMinScore or > 100)
            errors["minScore"] = [$"The lowest score to send without asking must be between {LowestMinScore} and 100."];
        if (change.DailyCap is < 1 or > AutoApplyRule.MaxDailyCap)
            errors["dailyCap"] = [$"At most 1 to {AutoApplyRule.MaxDailyCap} applications a day can be sent without asking."];
        var channels = change.Channels ?? [];
        if (channels.FirstOrDefault(c => !AutoApplyRule.AutomaticChannels.Contains(c)) is { } other)
            errors["channels"] = [$"\"{other}\" cannot send by itself; choose from {string.Join(", ", AutoApplyRule.AutomaticChannels)}."];
        else if (change.Enabled && channels.Count == 0)
            errors["channels"] = ["Choose at least one way it may send (email or web form)."];
        return errors;
    }

    /// <summary>Saves the rule; returns the problems instead when the change is not acceptable.</summary>
    public async Task<(AutoApplyView? Rule, Dictionary<string, string[]> Errors)> SaveAsync(string userId, AutoApplyChange change, CancellationToken cancellationToken)
    {
        var errors = Validate(change);
        if (errors.Count > 0) return (null, errors);
        return await UniqueViolation.RetryAsync(db, async _ =>
        {
            var rule = await db.Set<AutoApplyRule>().FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken);
            if (rule is null) db.Add(rule = new AutoApplyRule { UserId = userId });
            rule.Enabled = change.Enabled;
            rule.MinScore = change.MinScore;
            rule.DailyCap = change.DailyCap;
            rule.Channels = string.Join(',', (change.Channels ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return ((AutoApplyView?)AutoApplyView.Of(rule), errors);
        }, cancellationToken);
    }
}
