using System.Security.Claims;
using Jobsmith.Core;
using Jobsmith.Core.Inbox;
using Jobsmith.Core.Notifications.Preferences;
using Jobsmith.Web.Api;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.Settings;

/// <summary>
/// The settings page's plain forms (cookie auth, antiforgery checked by form binding): notification choices, and the
/// mailbox's connect / check now / disconnect (G2, G3). Each returns to /settings with what happened.
/// </summary>
public static class SettingsFormEndpoints
{
    public static WebApplication MapSettingsFormEndpoints(this WebApplication app)
    {
        var forms = app.MapGroup("/settings").RequireAuthorization().ExcludeFromDescription();
        forms.MapPost("/notifications", async (HttpRequest request, NotificationPreferences preferences, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            bool On(string name) => form[name].Contains("true");
            var types = NotificationTypes.All.ToDictionary(t => t, t => new ChannelChoice(On($"{t}:email"), On($"{t}:sms"), On($"{t}:push")), StringComparer.Ordinal);
            await preferences.UpdateAsync(user.UserId(), On("email"), On("sms"), On("push"), types, ct);
            return Results.LocalRedirect("/settings?saved=notifications#notifications");
        });

        var mailbox = forms.MapGroup("/mailbox").RequireAuthorization(Policies.Candidate).RequireRateLimiting(RateLimits.Auth);
        mailbox.MapPost("", async ([FromForm] MailboxFields fields, MailboxSettings mailboxes, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var result = await mailboxes.ConnectAsync(user.UserId(), fields.Connect(), ct);
            if (result.Mailbox is not null) return Results.LocalRedirect("/settings?saved=mailbox#mailbox");
            var typed = $"host={Escape(fields.Host)}&port={Escape(fields.Port)}&security={Escape(fields.Security)}&username={Escape(fields.Username)}&folder={Escape(fields.Folder)}";
            return Results.LocalRedirect($"/settings?mailbox-error={Escape(result.Error)}&{typed}#mailbox");
        });
        mailbox.MapPost("/check", async (ImapPoller poller, MailboxSettings mailboxes, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var userId = user.UserId();
            if (!(await mailboxes.GetAsync(userId, ct)).Connected) return Results.LocalRedirect($"/settings?mailbox-error={Escape("Connect a mailbox first.")}#mailbox");
            var poll = await poller.PollAsync(userId, ct);
            var summary = poll.Fetched == 0 ? "Checked: no new mail." : $"Checked: {poll.Fetched} new {(poll.Fetched == 1 ? "email" : "emails")}, {poll.Imported} filed.";
            var error = poll.Error is null ? "" : $"&check-error={Escape($"The check failed: {poll.Error}")}";
            return Results.LocalRedirect($"/settings?checked={Escape(summary)}{error}#mailbox");
        });
        mailbox.MapPost("/disconnect", async (MailboxSettings mailboxes, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await mailboxes.DisconnectAsync(user.UserId(), ct);
            return Results.LocalRedirect("/settings?saved=mailbox-removed#mailbox");
        });
        return app;
    }

    private static string Escape(string? value) => Uri.EscapeDataString((value ?? "").Truncate(500) ?? "");
}

/// <summary>The mailbox form's fields as posted; the port stays text so a typo comes back as typed.</summary>
public sealed class MailboxFields
{
    public string? Host { get; set; }
    public string? Port { get; set; }
    public string? Security { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? Folder { get; set; }

    internal MailboxConnect Connect() =>
        new(Host ?? "", int.TryParse(Port, out var port) ? port : 0, Security ?? ImapSecurity.Ssl, Username ?? "", Password ?? "", Folder);
}
