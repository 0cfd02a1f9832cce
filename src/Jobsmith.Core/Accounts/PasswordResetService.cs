using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Accounts;

/// <summary>Forgot / reset password (A1). The request answers the same whether or not the address exists.</summary>
public sealed class PasswordResetService(
    UserManager<JobsmithUser> users,
    IEmailTransport email,
    EventPublisher events,
    AuditLog audit,
    AppDbContext db,
    RefreshTokenService refreshTokens,
    IOptions<JobsmithOptions> options)
{
    /// <summary>
    /// Queues the reset mail and returns: no mail server is contacted inside the request, so the answer and its
    /// time are the same for any address, and a mail server that is down is retried by the event job.
    /// </summary>
    public async Task RequestAsync(string emailAddress, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync((emailAddress ?? "").Trim());
        if (user?.Email is not null)
            events.Publish(EventTypes.PasswordResetRequested, user.Id, new { });
        audit.Record("account.password_reset_requested", user?.Id, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sends the reset link; the token is made at send time, so it is never stored in the event row.</summary>
    public async Task<bool> SendResetMailAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null) return false;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = new Uri(options.Value.PublicBaseUrl,
            $"/reset-password?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(token)}");
        await email.SendAsync(new EmailMessage(
            user.Email,
            "Reset your Jobsmith password",
            $"Someone asked to reset the password of your Jobsmith account.\n\nOpen this link to choose a new one:\n{link}\n\nIf it was not you, ignore this message."),
            cancellationToken);
        return true;
    }

    /// <summary>Tells the owner that someone tried to register their address, instead of telling the person registering.</summary>
    public async Task<bool> SendRegistrationAttemptMailAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null) return false;
        var signIn = new Uri(options.Value.PublicBaseUrl, "/login");
        var forgot = new Uri(options.Value.PublicBaseUrl, "/forgot-password");
        await email.SendAsync(new EmailMessage(
            user.Email,
            "Your Jobsmith account already exists",
            $"Someone tried to create a Jobsmith account with this address, which already has one.\n\nIf it was you, sign in at {signIn}\nor choose a new password at {forgot}\n\nIf it was not you, ignore this message: nothing was changed."),
            cancellationToken);
        return true;
    }

    public async Task ResetAsync(string emailAddress, string token, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync((emailAddress ?? "").Trim())
            ?? throw new AccountException("invalid_token", ["This reset link is invalid or has expired."]);
        var result = await users.ResetPasswordAsync(user, token ?? "", newPassword ?? "");
        if (!result.Succeeded && result.Errors.Any(e => e.Code == "InvalidToken"))
            throw new AccountException("invalid_token", ["This reset link is invalid or has expired."]);
        AccountService.Check(result, "reset_failed");

        // A new password ends every session that the old one opened.
        await refreshTokens.RevokeAllAsync(user.Id, cancellationToken);
        audit.Record("account.password_reset", user.Id, null);
        await db.SaveChangesAsync(cancellationToken);
    }
}
