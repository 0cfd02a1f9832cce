using Jobsmith.Core.Data;
using Jobsmith.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Accounts;

/// <summary>Creating admins (CLI and configuration) and the admin's view of users (I1).</summary>
public sealed class AdminAccounts(UserManager<JobsmithUser> users, AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Creates the admin, or grants the admin role to an existing account with that email.</summary>
    public async Task<(JobsmithUser User, bool Created)> EnsureAdminAsync(string email, string password, CancellationToken cancellationToken)
    {
        email = (email ?? "").Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
            throw new AccountException("invalid_email", ["Enter a valid email address."]);

        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new JobsmithUser { UserName = email, Email = email, DisplayName = "Administrator", CreatedAt = clock.GetUtcNow().UtcDateTime };
            AccountService.Check(await users.CreateAsync(user, password ?? ""), "admin_create_failed");
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin))
            AccountService.Check(await users.AddToRoleAsync(user, Roles.Admin), "admin_create_failed");
        audit.Record("admin.created", user.Id, created ? "new account" : "role granted");
        await db.SaveChangesAsync(cancellationToken);
        return (user, created);
    }

    /// <summary>
    /// Gives a user exactly the roles asked for (I1), audited as the acting admin. Null when there is no such user;
    /// an empty or unknown role list throws <see cref="AccountException"/> with a message fit for the admin.
    /// </summary>
    public async Task<IReadOnlyList<string>?> SetRolesAsync(string userId, IReadOnlyList<string> wanted, string actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (wanted.Count == 0 || wanted.Any(r => !Roles.All.Contains(r)))
            throw new AccountException("invalid_roles", [$"Give one or more of: {string.Join(", ", Roles.All)}."]);
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        var current = await users.GetRolesAsync(user);
        AccountService.Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)), "roles_change_failed");
        AccountService.Check(await users.AddToRolesAsync(user, wanted.Except(current)), "roles_change_failed");
        audit.Record("admin.roles_changed", user.Id, string.Join(",", wanted), actorId);
        await db.SaveChangesAsync(cancellationToken);
        return [.. await users.GetRolesAsync(user)];
    }

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return [.. list.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, [.. byUser[u.Id]], u.CreatedAt, u.LockoutEnd > clock.GetUtcNow()))];
    }
}

public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTime CreatedAt, bool LockedOut);
