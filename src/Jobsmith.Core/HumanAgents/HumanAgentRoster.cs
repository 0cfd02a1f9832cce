using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.HumanAgents;

/// <summary>A human agent as routing and the admin view see them: the profile plus how many assignments are open now.</summary>
public sealed record AgentLoad(string UserId, string Email, string DisplayName, bool Available, int MaxAssignments, IReadOnlyList<string> Expertise, int Open)
{
    public int Free => Math.Max(0, MaxAssignments - Open);
}

/// <summary>
/// The users who hold the human_agent role now, each with a profile (created with the defaults when missing, so an
/// admin only has to grant the role) and their open assignment count. Someone whose role was taken away drops out.
/// </summary>
public sealed class HumanAgentRoster(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AgentLoad>> LoadAsync(CancellationToken cancellationToken)
    {
        var agents = await AgentUsers().Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        var ids = agents.Select(a => a.Id).ToList();
        var profiles = await db.Set<HumanAgentProfile>().AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        if (ids.Any(id => !profiles.ContainsKey(id)))
        {
            await EnsureProfilesAsync(ids.Where(id => !profiles.ContainsKey(id)).ToList(), cancellationToken);
            profiles = await db.Set<HumanAgentProfile>().AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        }
        var open = await db.Set<Assignment>().AsNoTracking()
            .Where(a => ids.Contains(a.AgentUserId) && (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Claimed))
            .GroupBy(a => a.AgentUserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. agents.Select(a =>
        {
            var p = profiles[a.Id];
            return new AgentLoad(a.Id, a.Email ?? "", a.DisplayName, p.Available, p.MaxAssignments, p.Tags, open.GetValueOrDefault(a.Id));
        }).OrderBy(a => a.Email, StringComparer.Ordinal)];
    }

    public Task<bool> IsAgentAsync(string userId, CancellationToken cancellationToken) => AgentUsers().AnyAsync(u => u.Id == userId, cancellationToken);

    private IQueryable<JobsmithUser> AgentUsers() =>
        from user in db.Set<JobsmithUser>()
        join userRole in db.Set<IdentityUserRole<string>>() on user.Id equals userRole.UserId
        join role in db.Set<IdentityRole>() on userRole.RoleId equals role.Id
        where role.Name == Roles.HumanAgent
        select user;

    // Inserted on their own (not in the caller's unit of work); a profile another request inserted first is fine.
    private async Task EnsureProfilesAsync(IReadOnlyList<string> missing, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in missing)
        {
            var profile = new HumanAgentProfile { UserId = id, UpdatedAt = now };
            db.Add(profile);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.IsRace(ex))
            {
                // Lost to a concurrent first look; the winner's row has the same defaults.
            }
            finally
            {
                db.Entry(profile).State = EntityState.Detached;
            }
        }
    }
}
