using System.Security.Claims;
using Jobsmith.Core.Accounts;

namespace Jobsmith.Web.Auth;

/// <summary>One claim vocabulary for cookies and JWTs, so endpoints read the user the same way under both.</summary>
public static class UserClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Email = "email";
    public const string Name = "name";

    /// <summary>The account's security stamp when the cookie was issued; a password reset changes it (cookies only).</summary>
    public const string Stamp = "stamp";

    public static IEnumerable<Claim> For(JobsmithUser user, IEnumerable<string> roles) =>
    [
        new(Subject, user.Id),
        new(Email, user.Email ?? ""),
        new(Name, user.DisplayName),
        .. roles.Select(r => new Claim(Role, r)),
    ];

    public static ClaimsPrincipal Principal(JobsmithUser user, IEnumerable<string> roles, string scheme) =>
        new(new ClaimsIdentity([.. For(user, roles), new Claim(Stamp, user.SecurityStamp ?? "")], scheme, Subject, Role));

    /// <summary>The signed-in user's id; endpoints behind RequireAuthorization always have one.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(Subject) ?? throw new InvalidOperationException("The request has no authenticated user.");
}
