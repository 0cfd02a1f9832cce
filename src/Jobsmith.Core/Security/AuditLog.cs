using Jobsmith.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Security;

/// <summary>Adds audit rows to the current unit of work, so they commit with the action they describe.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public void Record(string action, string? userId, string? detail, string? actorId = null)
    {
        var now = clock.GetUtcNow();
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            At = now.UtcDateTime,
            Action = action,
            UserId = userId,
            ActorId = actorId ?? userId,
            Detail = detail.Truncate(1000),
        });
    }
}

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditLog>();
}
