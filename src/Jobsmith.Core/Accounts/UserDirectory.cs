using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Accounts;

/// <summary>One page of accounts for the admin's user list (I1): searched by email or name, ordered by the indexed
/// normalized email, roles read for the page's users only, so the list stays quick with a hundred thousand accounts.</summary>
public sealed class UserDirectory(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<UserPage> SearchAsync(string? query, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var users = db.Users.AsNoTracking();
        var text = (query ?? "").Trim();
        if (text.Length > 0)
        {
            var upper = text.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(text));
        }
        var total = await users.CountAsync(cancellationToken);
        var rows = await users.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.CreatedAt, u.LockoutEnd }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        var now = clock.GetUtcNow();
        return new UserPage(
            [.. rows.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, [.. byUser[u.Id].Order(StringComparer.Ordinal)], u.CreatedAt, u.LockoutEnd > now))],
            page, total);
    }
}

public sealed record UserPage(IReadOnlyList<UserSummary> Users, int Page, int Total)
{
    public int PageCount => Math.Max(1, (Total + UserDirectory.PageSize - 1) / UserDirectory.PageSize);
}
