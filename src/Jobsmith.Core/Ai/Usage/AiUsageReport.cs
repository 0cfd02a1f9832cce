using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Ai.Usage;

public sealed record AiUsageRow(string Provider, string Model, string Kind, int Calls, int Failed, long InputTokens, long OutputTokens, decimal? CostUsd);

public sealed record AiCandidateUsage(string UserId, string? Email, int Calls, long InputTokens, long OutputTokens, decimal? CostUsd);

public sealed record AiUsageView(
    DateTime Since, DateTime Until, int Calls, long InputTokens, long OutputTokens, decimal CostUsd, bool SomeUnpriced,
    IReadOnlyList<AiUsageRow> ByModel, IReadOnlyList<AiCandidateUsage> TopCandidates);

/// <summary>
/// I1: tokens and estimated cost of model calls over a window, per provider, model and kind (chat, embedding,
/// re-rank) and for the candidates who used most. Sums are grouped in the database; prices come from Ai:Prices.
/// </summary>
public sealed class AiUsageReport(AppDbContext db, IOptions<AiOptions> options, TimeProvider clock)
{
    public const int TopCandidates = 20;

    public async Task<AiUsageView> ReadAsync(int hours, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime;
        var since = until.AddHours(-Math.Clamp(hours, 1, 24 * 90));
        var calls = db.Set<AiCall>().AsNoTracking().Where(c => c.At >= since);
        var grouped = await calls.GroupBy(c => new { c.Provider, c.Model, c.Kind })
            .Select(g => new { g.Key.Provider, g.Key.Model, g.Key.Kind, Calls = g.Count(), Failed = g.Count(c => c.Failed), In = g.Sum(c => c.InputTokens), Out = g.Sum(c => c.OutputTokens) })
            .ToListAsync(cancellationToken);
        var byModel = grouped.Select(g => new AiUsageRow(g.Provider, g.Model, g.Kind, g.Calls, g.Failed, g.In, g.Out, Cost(g.Model, g.In, g.Out)))
            .OrderByDescending(r => r.CostUsd ?? 0).ThenByDescending(r => r.InputTokens + r.OutputTokens).ToList();

        // Cost per candidate needs the model of each call; the token-heaviest candidates are found first, then priced.
        var perUser = await calls.Where(c => c.UserId != null)
            .GroupBy(c => new { c.UserId, c.Model })
            .Select(g => new { g.Key.UserId, g.Key.Model, Calls = g.Count(), In = g.Sum(c => c.InputTokens), Out = g.Sum(c => c.OutputTokens) })
            .ToListAsync(cancellationToken);
        var top = perUser.GroupBy(u => u.UserId!)
            .Select(g => new
            {
                UserId = g.Key, Calls = g.Sum(u => u.Calls), In = g.Sum(u => u.In), Out = g.Sum(u => u.Out),
                Cost = g.Aggregate((decimal?)0m, (sum, u) => sum is null || Cost(u.Model, u.In, u.Out) is not { } c ? null : sum + c),
            })
            .OrderByDescending(u => u.Cost ?? 0).ThenByDescending(u => u.In + u.Out).Take(TopCandidates).ToList();
        var ids = top.Select(t => t.UserId).ToList();
        var emails = await db.Set<JobsmithUser>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);

        return new AiUsageView(since, until, byModel.Sum(r => r.Calls), byModel.Sum(r => r.InputTokens), byModel.Sum(r => r.OutputTokens),
            byModel.Sum(r => r.CostUsd ?? 0), byModel.Any(r => r.CostUsd is null),
            byModel, [.. top.Select(t => new AiCandidateUsage(t.UserId, emails.GetValueOrDefault(t.UserId), t.Calls, t.In, t.Out, t.Cost))]);
    }

    /// <summary>Null when no price is set for the model.</summary>
    public decimal? Cost(string model, long inputTokens, long outputTokens)
    {
        var price = PriceOf(model);
        return price is null ? null : (inputTokens * price.InputPerMillion + outputTokens * price.OutputPerMillion) / 1_000_000m;
    }

    private AiPrice? PriceOf(string model)
    {
        var prices = options.Value.Prices;
        if (prices.TryGetValue(model, out var exact)) return exact;
        return prices.Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
    }
}
