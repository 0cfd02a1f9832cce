using System.Security.Claims;
using Jobsmith.Core.Jobs.Import;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.Jobs;

/// <summary>
/// The "add jobs" and "job searches" pages post here (antiforgery checked by form binding) and return to the page
/// with what happened, so adding postings works without JavaScript. The work is Core's <see cref="PostingImport"/>
/// and <see cref="JobSearchService"/>, the same the API and CLI use.
/// </summary>
public static class JobAddFormEndpoints
{
    public static WebApplication MapJobAddFormEndpoints(this WebApplication app)
    {
        var jobs = app.MapGroup("/jobs").RequireAuthorization().ExcludeFromDescription();
        jobs.MapPost("/add/paste", async ([FromForm] string? input, PostingImport import, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(input)) return Back("/jobs/add", "Paste a posting's address or its text.", input);
            if (input.Length > PostingImport.MaxBytes) return Back("/jobs/add", "That text is too long for one posting.", null);
            try
            {
                return Done(await import.FromUrlOrTextAsync(input, ct));
            }
            catch (ArgumentException ex)
            {
                return Back("/jobs/add", ex.Message, input);
            }
        });
        jobs.MapPost("/add/file", async (IFormFile? file, [FromForm] string? format, PostingImport import, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0) return Back("/jobs/add", "Choose a file of postings to upload.", null);
            if (file.Length > PostingImport.MaxBytes) return Back("/jobs/add", $"The file is over the {PostingImport.MaxBytes / (1024 * 1024)} MB limit.", null);
            using var reader = new StreamReader(file.OpenReadStream());
            var content = await reader.ReadToEndAsync(ct);
            try
            {
                return Done(await import.FromFileAsync(file.FileName, content, format, ct));
            }
            catch (ArgumentException ex)
            {
                return Back("/jobs/add", ex.Message, null);
            }
        });
        jobs.MapPost("/searches", async (IFormCollection form, JobSearchService searches, ClaimsPrincipal user, CancellationToken ct) =>
        {
            string? titles = form["titles"], locations = form["locations"];
            var interval = int.TryParse(form["intervalMinutes"], out var minutes) ? minutes : 1440;
            var request = new JobSearchRequest(Split(titles), Split(locations), form["remoteOnly"] == "true",
                [.. form["sources"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)], interval);
            var errors = searches.Validate(request);
            if (errors.Count > 0) return Results.LocalRedirect($"/jobs/searches?error={Uri.EscapeDataString(errors.First().Value[0])}&titles={Uri.EscapeDataString(titles ?? "")}&locations={Uri.EscapeDataString(locations ?? "")}");
            var search = await searches.CreateAsync(user.UserId(), request, ct);
            await searches.RunNowAsync(user.UserId(), search.Id, ct);
            return Results.LocalRedirect("/jobs/searches?saved=1");
        });
        jobs.MapPost("/searches/{id:guid}/run", async (Guid id, JobSearchService searches, ClaimsPrincipal user, CancellationToken ct) =>
            await searches.RunNowAsync(user.UserId(), id, ct) ? Results.LocalRedirect("/jobs/searches?queued=1") : Results.NotFound());
        jobs.MapPost("/searches/{id:guid}/delete", async (Guid id, JobSearchService searches, ClaimsPrincipal user, CancellationToken ct) =>
            await searches.DeleteAsync(user.UserId(), id, ct) ? Results.LocalRedirect("/jobs/searches?deleted=1") : Results.NotFound());
        return app;
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IResult Done(ImportSummary summary) =>
        Results.LocalRedirect($"/jobs/add?fetched={summary.Fetched}&added={summary.Added}&updated={summary.Updated}&duplicates={summary.Duplicates}&rejected={summary.Rejected}"
            + (summary.Errors.Count > 0 ? $"&error={Uri.EscapeDataString(summary.Errors[0])}" : ""));

    // The pasted text comes back in the query so a failed attempt keeps what was typed (short texts only).
    private static IResult Back(string page, string error, string? input) =>
        Results.LocalRedirect($"{page}?error={Uri.EscapeDataString(error)}" + (input is { Length: <= 1500 } ? $"&input={Uri.EscapeDataString(input)}" : ""));
}
