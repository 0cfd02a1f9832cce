using System.Security.Claims;
using Jobsmith.Core.Accounts;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

/// <summary>A change of account settings: a value left out is kept, an empty phone removes the number.</summary>
public sealed record AccountSettingsRequest(string? Phone, string? TimeZone);

/// <summary>Account settings every signed-in user has: the phone SMS notifications go to (G3) and the time zone (G4, G5).</summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/account").WithTags("Account").RequireAuthorization();
        group.MapGet("/settings", GetAsync);
        group.MapPut("/settings", UpdateAsync);
        return api;
    }

    private static async Task<Results<Ok<AccountSettingsView>, NotFound>> GetAsync(AccountSettings settings, ClaimsPrincipal user, CancellationToken ct) =>
        await settings.GetAsync(user.UserId(), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<AccountSettingsView>, ValidationProblem>> UpdateAsync(AccountSettingsRequest? request, AccountSettings settings,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await settings.UpdateAsync(user.UserId(), new AccountSettingsChange(request?.Phone, request?.TimeZone), ct);
        return result.Settings is { } view
            ? TypedResults.Ok(view)
            : TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
    }
}
