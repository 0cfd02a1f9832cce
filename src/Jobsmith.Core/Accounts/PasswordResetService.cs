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
    AuditLog audit,
    AppDbContext db,
    RefreshTokenService refreshTokens,
    IOptions<JobsmithOptions> options)
{
    public async Task RequestAsync(string emailAddress, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync((emailAddress ?? "").Trim());
        if (user?.Email is null) return;

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = new Uri(options.Value.PublicBaseUrl,
            $"/reset-password?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(token)}");
        await email.SendAsync(new EmailMessage(
            user.Email,
            "Reset your Jobsmith password",
            $"Someone asked to reset the password of your Jobsmith account.\n\nOpen this link to choose a new one:\n{link}\n\nIf it was not you, ignore this message."),
            cancellationToken);
        audit.Record("account.password_reset_requested", user.Id, null);
        await db.SaveChangesAsync(cancellationToken);
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
