using Jobsmith.Core.Accounts;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Ai.Usage;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Orchestration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Monitoring;

public sealed record CandidateRow(
    string UserId, string Email, string DisplayName, DateTime JoinedAt, string AgentState,
    int Applications, int Sent, DateTime? LastAgentRunAt, long AiTokens30Days);

public sealed record CandidatePage(IReadOnlyList<CandidateRow> Candidates, int Total, int Page, int PageSize);

/// <summary>
/// I1: the admin's list of candidates — newest first, searchable by email — with what each one's agent is doing,
/// how many applications they have and what their model calls cost in tokens. One page is read at a time and its
/// figures are gathered for that page's ids only, so it stays quick with a hundred thousand candidates.
/// </summary>
public sealed class CandidateOverview(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<CandidatePage> ListAsync(string? emailStartsWith, int page, CancellationToken cancellationToken)
    {
        var candidates = from u in db.Set<JobsmithUser>().AsNoTracking()
                         join ur in db.Set<IdentityUserRole<string>>() on u.Id equals ur.UserId
                         join r in db.Set<IdentityRole>() on ur.RoleId equals r.Id
                         where r.Name == Roles.Candidate
                         select u;
        if (!string.IsNullOrWhiteSpace(emailStartsWith))
        {
            // NormalizedEmail is indexed; a prefix search keeps that index usable.
            var prefix = emailStartsWith.Trim().ToUpperInvariant();
            candidates = candidates.Where(u => u.NormalizedEmail!.StartsWith(prefix));
        }
        var total = await candidates.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var users = await candidates.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.CreatedAt }).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();

        var agents = await db.Set<CandidateAgent>().AsNoTracking().Where(a => ids.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, a => a.State, cancellationToken);
        var applications = (await db.Set<JobApplication>().AsNoTracking().Where(a => ids.Contains(a.UserId))
            .GroupBy(a => new { a.UserId, a.State }).Select(g => new { g.Key.UserId, g.Key.State, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToLookup(a => a.UserId);
        var lastRuns = await db.Set<AgentTask>().AsNoTracking().Where(t => t.UserId != null && ids.Contains(t.UserId))
            .GroupBy(t => t.UserId!).Select(g => new { UserId = g.Key, Last = g.Max(t => t.CreatedAt) }).ToDictionaryAsync(g => g.UserId, g => g.Last, cancellationToken);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var tokens = await db.Set<AiCall>().AsNoTracking().Where(c => c.UserId != null && ids.Contains(c.UserId) && c.At >= since)
            .GroupBy(c => c.UserId!).Select(g => new { UserId = g.Key, Tokens = g.Sum(c => c.InputTokens + c.OutputTokens) })
            .ToDictionaryAsync(g => g.UserId, g => g.Tokens, cancellationToken);

        return new CandidatePage([.. users.Select(u => new CandidateRow(
            u.Id, u.Email ?? "", u.DisplayName, u.CreatedAt, agents.GetValueOrDefault(u.Id, CandidateAgentStates.Stopped),
            applications[u.Id].Sum(a => a.Count), applications[u.Id].Where(a => ApplicationStates.IsSent(a.State)).Sum(a => a.Count),
            lastRuns.TryGetValue(u.Id, out var last) ? last : null, tokens.GetValueOrDefault(u.Id)))], total, page, PageSize);
    }
}
