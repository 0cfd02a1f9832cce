using System.Security.Claims;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Api;

/// <summary>PostingId is a string so a malformed id is a 400 with a field error, not a binding failure.</summary>
public sealed record CreateDocumentsRequest(string? PostingId);

/// <summary>The edited text of every line of the version, in order; an empty text removes the line.</summary>
public sealed record EditDocumentRequest(IReadOnlyList<string?>? Lines);

/// <summary>
/// Application documents (E1–E6): draft the resume, cover letter and answers for one of the candidate's matches,
/// read versions, save an edit as a new re-checked version, approve a clean one, and preview or download it.
/// Candidate only; every call is scoped to the signed-in user, so another candidate's document is simply not found.
/// </summary>
public static class DocumentEndpoints
{
    // The preview is the candidate's text around words taken from a posting: shown as an isolated page that may
    // not run scripts, load anything, submit forms or be framed, whatever that text contains.
    public const string PreviewPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents").RequireAuthorization(Policies.Candidate);
        documents.MapPost("/", CreateAsync);
        documents.MapGet("/", ListAsync);
        documents.MapGet("/{id:guid}", async Task<Results<Ok<DocumentView>, NotFound>> (Guid id, DocumentService service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.GetAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        documents.MapPost("/{id:guid}/edits", EditAsync);
        documents.MapPost("/{id:guid}/approve", ApproveAsync);
        documents.MapGet("/{id:guid}/preview", PreviewAsync);
        documents.MapGet("/{id:guid}/pdf", (Guid id, string? template, DocumentService service, IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
            DownloadAsync(id, template, (r, d, t) => r.PdfAsync(d, t, ct), service, services, user, ct));
        documents.MapGet("/{id:guid}/docx", (Guid id, string? template, DocumentService service, IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
            DownloadAsync(id, template, (r, d, t) => r.DocxAsync(d, t, ct), service, services, user, ct));
        return api;
    }

    private static async Task<Results<Created<IReadOnlyList<DocumentView>>, ValidationProblem, NotFound<ProblemDetails>>> CreateAsync(
        CreateDocumentsRequest? request, DocumentService service, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Guid.TryParse(request?.PostingId, out var postingId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["postingId"] = ["postingId must be the id of one of your matches."] });
        return await service.GenerateAsync(user.UserId(), postingId, ct) is { } created
            ? TypedResults.Created($"/api/documents?postingId={postingId}", created)
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not one of your matches", Detail = "Documents are prepared for postings among your matches." });
    }

    private static async Task<Results<Ok<IReadOnlyList<DocumentView>>, ValidationProblem>> ListAsync(
        string? postingId, DocumentService service, ClaimsPrincipal user, CancellationToken ct)
    {
        Guid? posting = null;
        if (!string.IsNullOrEmpty(postingId))
        {
            if (!Guid.TryParse(postingId, out var id)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["postingId"] = ["postingId must be a posting id."] });
            posting = id;
        }
        return TypedResults.Ok(await service.ListAsync(user.UserId(), posting, ct));
    }

    private static async Task<Results<Created<DocumentView>, ValidationProblem, NotFound>> EditAsync(
        Guid id, EditDocumentRequest? request, DocumentService service, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request?.Lines is not { } lines)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lines"] = ["lines is required: the text of every line, in order."] });
        var change = await service.EditAsync(user.UserId(), id, [.. lines.Select(l => l ?? "")], ct);
        return change.Status switch
        {
            DocumentChangeStatus.NotFound => TypedResults.NotFound(),
            DocumentChangeStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lines"] = [change.Error!] }),
            // Saved either way; a flagged version says so in its flags and cannot be approved until edited again.
            _ => TypedResults.Created($"/api/documents/{change.Document!.Id}", change.Document),
        };
    }

    private static async Task<Results<Ok<DocumentView>, NotFound, ProblemHttpResult>> ApproveAsync(
        Guid id, DocumentService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var change = await service.ApproveAsync(user.UserId(), id, ct);
        return change.Status switch
        {
            DocumentChangeStatus.NotFound => TypedResults.NotFound(),
            DocumentChangeStatus.Flagged => TypedResults.Problem(change.Error, statusCode: StatusCodes.Status409Conflict, title: "Flagged lines block approval",
                extensions: new Dictionary<string, object?> { ["flags"] = change.Document!.Flags }),
            _ => TypedResults.Ok(change.Document!),
        };
    }

    private static async Task<IResult> PreviewAsync(Guid id, string? template, DocumentService service, IServiceProvider services,
        ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (await service.GetAsync(user.UserId(), id, ct) is not { } document) return TypedResults.NotFound();
        if (Renderer(services, template) is { Problem: { } problem }) return problem;
        var html = await services.GetRequiredService<IDocumentRenderer>().HtmlAsync(document, template, ct);
        http.Response.Headers.ContentSecurityPolicy = PreviewPolicy;
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> DownloadAsync(Guid id, string? template, Func<IDocumentRenderer, DocumentView, string?, Task<RenderedFile>> render,
        DocumentService service, IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
        await service.GetAsync(user.UserId(), id, ct) is { } document ? await FileAsync(document, template, render, services) : TypedResults.NotFound();

    /// <summary>A document rendered as a download (the candidate's own, or a claimed assignment's for its human agent).</summary>
    internal static async Task<IResult> FileAsync(DocumentView document, string? template, Func<IDocumentRenderer, DocumentView, string?, Task<RenderedFile>> render,
        IServiceProvider services)
    {
        if (Renderer(services, template) is { Problem: { } problem }) return problem;
        var file = await render(services.GetRequiredService<IDocumentRenderer>(), document, template);
        // File results send Content-Disposition: attachment with the file name, so the browser saves, never shows, it.
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    // The renderer is registered by the host with the rendering code; a host without it answers 503, not 500.
    private static (IDocumentRenderer? Renderer, IResult? Problem) Renderer(IServiceProvider services, string? template)
    {
        if (services.GetService<IDocumentRenderer>() is not { } renderer)
            return (null, TypedResults.Problem("This server cannot render documents.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Rendering unavailable"));
        if (template is not null && !renderer.Templates.Contains(template, StringComparer.Ordinal))
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["template"] = [$"template must be one of: {string.Join(", ", renderer.Templates)}."] }));
        return (renderer, null);
    }
}
