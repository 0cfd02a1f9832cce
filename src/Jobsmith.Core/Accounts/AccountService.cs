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
    LoginThrottle throttle,
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

        // Password rules first, so a refusal for an address that is taken is only ever this one neutral answer.
        password ??= "";
        var weak = new List<string>();
        foreach (var validator in users.PasswordValidators)
            weak.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        if (weak.Count > 0) throw new AccountException("registration_failed", weak);

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // Same hashing work as a creation; the owner, not the person registering, is told by mail.
            _ = users.PasswordHasher.HashPassword(user, password);
            events.Publish(EventTypes.RegistrationForExistingEmail, existing.Id, new { });
            audit.Record("account.registration_for_existing_email", existing.Id, null);
            await db.SaveChangesAsync(cancellationToken);
            throw NotRegistrable();
        }

        // The user, the role and the "registered" event commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        // Another request registered the same address in between: the same neutral answer.
        if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")) throw NotRegistrable();
        Check(created, "registration_failed");
        Check(await users.AddToRoleAsync(user, Roles.Candidate), "registration_failed");
        events.Publish(EventTypes.AccountRegistered, user.Id, new { user.Email });
        audit.Record("account.registered", user.Id, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>
    /// Checks a sign-in. An unknown email costs the same password hash and the same writes as a wrong password and
    /// gets the same answer; waits come from <see cref="LoginThrottle"/>, keyed by what was typed, never a lock on the account.
    /// </summary>
    public async Task<LoginResult> CheckPasswordAsync(string email, string password, string? clientAddress, CancellationToken cancellationToken)
    {
        email = (email ?? "").Trim();
        if (throttle.RetryAfter(clientAddress, email) is { } wait)
            return new LoginResult(LoginOutcome.Throttled, null, [], wait);

        var user = await users.FindByEmailAsync(email);
        var passwordMatches = user is null
            ? VerifyAgainstUnknownAccountHash(password)
            : await users.CheckPasswordAsync(user, password ?? "");
        if (!passwordMatches)
        {
            throttle.RecordFailure(clientAddress, email);
            audit.Record("account.login_failed", user?.Id, null);
            await db.SaveChangesAsync(cancellationToken);
            return new LoginResult(LoginOutcome.InvalidCredentials, null, []);
        }

        throttle.RecordSuccess(clientAddress, email);
        // A suspension (set by an administrator) is told only to someone who proved the password.
        if (await users.IsLockedOutAsync(user!))
        {
            audit.Record("account.login_suspended", user!.Id, null);
            await db.SaveChangesAsync(cancellationToken);
            return new LoginResult(LoginOutcome.Suspended, null, []);
        }
        audit.Record("account.login", user!.Id, null);
        await db.SaveChangesAsync(cancellationToken);
        return new LoginResult(LoginOutcome.Succeeded, user, [.. await users.GetRolesAsync(user!)]);
    }

    // The same hasher and cost as a real account, so the time to answer does not say whether the email exists.
    private bool VerifyAgainstUnknownAccountHash(string? password)
    {
        var standIn = new JobsmithUser();
        var hash = unknownAccountHash ??= users.PasswordHasher.HashPassword(standIn, Guid.NewGuid().ToString("N"));
        _ = users.PasswordHasher.VerifyHashedPassword(standIn, hash, password ?? "");
        return false;
    }

    private static string? unknownAccountHash;

    /// <summary>Says neither "taken" nor the address: the same words whether the email has an account or not.</summary>
    public const string NotRegistrableMessage =
        "We could not create an account with this email address. If you already have an account, sign in or reset your password.";

    private static AccountException NotRegistrable() => new("registration_refused", [NotRegistrableMessage]);

    internal static void Check(IdentityResult result, string code)
    {
        if (!result.Succeeded)
            throw new AccountException(code, [.. result.Errors.Select(e => e.Description)]);
    }
}
