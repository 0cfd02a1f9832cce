using System.Security.Claims;
using System.Text;
using Jobsmith.Core.Inbox;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Api;

/// <summary>The mailbox to connect (IMAP); security is ssl, starttls or none (a server on this machine only).</summary>
public sealed record MailboxConnectRequest(string? Host, int? Port, string? Security, string? Username, string? Password, string? Folder);

/// <summary>
/// Inbox replies (G2): the mail providers' inbound webhooks (anonymous; the signature or credentials are the
/// authentication, checked in Core), the candidate's own inbound address and kept emails, and the mailbox they
/// connect for polling (connect, check now, disconnect).
/// </summary>

/// <summary>The application a kept email answers.</summary>
public sealed record FileReplyRequest(Guid? ApplicationId);

public sealed record FilingResponse(string Status);

public static class InboundEndpoints
{
    /// <summary>A reply with a signed contract attached, base64-encoded in a form or JSON, stays well below this.</summary>
    public const int MaxBodyBytes = 35 * 1024 * 1024;

    public static RouteGroupBuilder MapInboundEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/inbound/{provider}", ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        var inbox = api.MapGroup("/inbox").WithTags("Inbox").RequireAuthorization(Policies.Candidate);
        inbox.MapGet("/address", async (InboundAddresses addresses, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(new { address = await addresses.AddressAsync(user.UserId(), ct) }));
        inbox.MapGet("/emails", async (InboxQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await queries.RecentAsync(user.UserId(), 50, ct)));
        inbox.MapPost("/emails/{id:guid}/file", FileAsync);
        inbox.MapGet("/mailbox", async (MailboxSettings mailboxes, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await mailboxes.GetAsync(user.UserId(), ct)));
        // Each of these signs in to a mail server a candidate named: limited like a sign-in, so the server cannot be
        // used to try passwords against someone's mailbox.
        inbox.MapPut("/mailbox", ConnectMailboxAsync).RequireRateLimiting(RateLimits.Auth);
        inbox.MapDelete("/mailbox", async (MailboxSettings mailboxes, ClaimsPrincipal user, CancellationToken ct) =>
            await mailboxes.DisconnectAsync(user.UserId(), ct) ? Results.NoContent() : Results.NotFound());
        inbox.MapPost("/mailbox/poll", PollAsync).RequireRateLimiting(RateLimits.Auth);
        return api;
    }

    // Files a kept email under one of the candidate's applications; its effects run for that application (G2).
    private static async Task<Results<Ok<FilingResponse>, NotFound, ValidationProblem>> FileAsync(Guid id, FileReplyRequest? request, ReplyFiling filing,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (request?.ApplicationId is not { } application)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["applicationId"] = ["applicationId is required."] });
        var status = await filing.FileAsync(user.UserId(), id, application, ct);
        return status == FilingStatus.NotFound ? TypedResults.NotFound() : TypedResults.Ok(new FilingResponse(status == FilingStatus.Filed ? "filed" : "unchanged"));
    }

    private static async Task<Results<Ok<MailboxView>, ProblemHttpResult>> ConnectMailboxAsync(MailboxConnectRequest? request, MailboxSettings mailboxes,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var connect = new MailboxConnect(request?.Host ?? "", request?.Port ?? 993, request?.Security ?? ImapSecurity.Ssl, request?.Username ?? "",
            request?.Password ?? "", request?.Folder);
        var result = await mailboxes.ConnectAsync(user.UserId(), connect, ct);
        return result.Mailbox is { } view ? TypedResults.Ok(view) : TypedResults.Problem(result.Error, statusCode: StatusCodes.Status400BadRequest, title: "Mailbox not connected");
    }

    private static async Task<Results<Ok<PollResult>, NotFound<ProblemDetails>>> PollAsync(ImapPoller poller, MailboxSettings mailboxes, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var userId = user.UserId();
        if (!(await mailboxes.GetAsync(userId, ct)).Connected)
            return TypedResults.NotFound(new ProblemDetails { Title = "No mailbox", Detail = "Connect a mailbox first.", Status = StatusCodes.Status404NotFound });
        return TypedResults.Ok(await poller.PollAsync(userId, ct));
    }

    private static async Task<IResult> ReceiveAsync(string provider, HttpRequest request, InboundWebhooks webhooks, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return TypedResults.Problem("The body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes) return TypedResults.Problem("The body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        var body = buffer.ToArray();
        try
        {
            var result = provider.ToLowerInvariant() switch
            {
                InboundSources.Postmark => await webhooks.PostmarkAsync(Encoding.UTF8.GetString(body), request.Headers.Authorization.ToString(), ct),
                InboundSources.Mailgun => await webhooks.MailgunAsync(await FormAsync(request, body, ct), ct),
                InboundSources.SendGrid => await webhooks.SendGridAsync(await FormAsync(request, body, ct), body,
                    request.Headers[InboundWebhooks.SendGridSignatureHeader].ToString(), request.Headers[InboundWebhooks.SendGridTimestampHeader].ToString(), ct),
                _ => null,
            };
            if (result is null) return TypedResults.Problem("Unknown provider: use postmark, mailgun or sendgrid.", statusCode: StatusCodes.Status404NotFound);
            // 406 tells Mailgun and SendGrid not to retry a post that can never succeed.
            if (!result.KnownRecipient || result.Status == InboxImportStatus.Unreadable)
                return TypedResults.Problem(result.Error, statusCode: StatusCodes.Status406NotAcceptable, title: "Not imported");
            return TypedResults.Ok(new { status = result.Status.ToString()!.ToLowerInvariant() });
        }
        catch (InboundWebhookException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: ex.Unauthorized ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest, title: "Webhook refused");
        }
    }

    // The raw bytes were read first (SendGrid signs them); the form is parsed from the same bytes.
    private static async Task<InboundForm> FormAsync(HttpRequest request, byte[] body, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw new InboundWebhookException("Expected a form post.", unauthorized: false);
        request.Body = new MemoryStream(body, writable: false);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            throw new InboundWebhookException($"The form cannot be read: {e.Message}", unauthorized: false);
        }
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var files = new List<InboundFile>();
        foreach (var file in form.Files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, ct);
            files.Add(new InboundFile(file.Name, file.FileName, file.ContentType ?? "application/octet-stream", content.ToArray()));
        }
        return new InboundForm(fields, files);
    }
}
