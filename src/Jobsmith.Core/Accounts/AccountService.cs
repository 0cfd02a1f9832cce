using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Jobsmith.Core.Accounts;

/// <summary>Registration and password sign-in (A1), shared by the web forms, the REST API and the CLI.</summary>
public sealed class AccountService(
    UserManager<JobsmithUser> users,
    AppDbContext db,
    EventPublisher events,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<JobsmithUser> RegisterAsync(string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        email = (email ?? "").Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
            throw new AccountException("invalid_email", ["Enter a valid email address."]);

        var user = new JobsmithUser
        {
            UserName = email,
            Email = email,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The user, the role and the "registered" event commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(user, password ?? ""), "registration_failed");
        Check(await users.AddToRoleAsync(user, Roles.Candidate), "registration_failed");
        events.Publish(EventTypes.AccountRegistered, user.Id, new { user.Email });
        audit.Record("account.registered", user.Id, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    public async Task<LoginResult> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync((email ?? "").Trim());
        if (user is null)
            return new LoginResult(LoginOutcome.InvalidCredentials, null, []);
        if (await users.IsLockedOutAsync(user))
            return await FailAsync(user, LoginOutcome.LockedOut, cancellationToken);
        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            await users.AccessFailedAsync(user);
            var outcome = await users.IsLockedOutAsync(user) ? LoginOutcome.LockedOut : LoginOutcome.InvalidCredentials;
            return await FailAsync(user, outcome, cancellationToken);
        }

        await users.ResetAccessFailedCountAsync(user);
        audit.Record("account.login", user.Id, null);
        await db.SaveChangesAsync(cancellationToken);
        return new LoginResult(LoginOutcome.Succeeded, user, [.. await users.GetRolesAsync(user)]);
    }

    private async Task<LoginResult> FailAsync(JobsmithUser user, LoginOutcome outcome, CancellationToken cancellationToken)
    {
        audit.Record(outcome == LoginOutcome.LockedOut ? "account.locked_out" : "account.login_failed", user.Id, null);
        await db.SaveChangesAsync(cancellationToken);
        return new LoginResult(outcome, null, []);
    }

    internal static void Check(IdentityResult result, string code)
    {
        if (!result.Succeeded)
            throw new AccountException(code, [.. result.Errors.Select(e => e.Description)]);
    }
}
