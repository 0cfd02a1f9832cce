using Jobsmith.Core.Data;
using Jobsmith.Core.Skills;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Profiles.Store;

public sealed record UserSkillView(string SkillId, string Name, int? Proficiency, string Verification, string Source);

public enum SkillChangeStatus { Changed, UnknownSkill, Invalid }

/// <summary>The candidate's catalogue skills (B5): found in resumes, or rated and claimed by the candidate.</summary>
public sealed class UserSkills(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSkillView>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Set<UserSkill>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Name).ToListAsync(cancellationToken))
            .Select(View).ToList();

    /// <summary>
    /// Adds the catalogue skills named in a resume as unverified; skills already present keep their state, so a
    /// new upload never downgrades what the candidate claimed or an interview verified. Does not save.
    /// </summary>
    internal async Task AddFromResumeAsync(string userId, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var existing = await db.Set<UserSkill>().Where(s => s.UserId == userId).Select(s => s.SkillId).ToListAsync(cancellationToken);
        var seen = existing.ToHashSet(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (SkillsCatalogue.Default.FindListed(name) is not { } skill || !seen.Add(skill.Id)) continue;
            db.Set<UserSkill>().Add(new UserSkill
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UserId = userId, SkillId = skill.Id, Name = skill.Name,
                Verification = SkillVerification.Unverified, Source = "resume", UpdatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
    }

    /// <summary>The candidate rates a skill (any catalogue name or alias); that claims it unless it is already verified.</summary>
    public async Task<(SkillChangeStatus Status, UserSkillView? Skill)> ClaimAsync(string userId, string skillName, int proficiency, CancellationToken cancellationToken)
    {
        if (proficiency is < 1 or > 5) return (SkillChangeStatus.Invalid, null);
        if (SkillsCatalogue.Default.FindListed(skillName) is not { } skill) return (SkillChangeStatus.UnknownSkill, null);
        var row = await db.Set<UserSkill>().FirstOrDefaultAsync(s => s.UserId == userId && s.SkillId == skill.Id, cancellationToken);
        if (row is null)
            db.Set<UserSkill>().Add(row = new UserSkill { Id = Guid.CreateVersion7(clock.GetUtcNow()), UserId = userId, SkillId = skill.Id, Name = skill.Name, Source = "user" });
        row.Proficiency = proficiency;
        if (row.Verification != SkillVerification.Verified) row.Verification = SkillVerification.Claimed;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return (SkillChangeStatus.Changed, View(row));
    }

    private static UserSkillView View(UserSkill s) =>
        new(s.SkillId, s.Name, s.Proficiency, s.Verification.ToString().ToLowerInvariant(), s.Source);
}
