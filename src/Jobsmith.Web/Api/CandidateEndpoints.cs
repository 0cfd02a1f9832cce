using System.Security.Claims;
using System.Text.Json;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.JsonResume;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jobsmith.Web.Api;

public sealed record UpdateMeRequest(string? Headline, double? YearsOfExperience);
public sealed record EditFactRequest(string? Value);
public sealed record ClaimSkillRequest(string? Name, int? Proficiency);
public sealed record CandidateMeResponse(ProfileView Profile, Readiness Readiness);
public sealed record ResumeListResponse(ResumeVersionView? Latest, IReadOnlyList<ResumeVersionView> Versions);
public sealed record ResumeVersionResponse(ResumeVersionView Version, JsonElement? ParsedProfile);
public sealed record UploadResponse(ResumeVersionView Version, ProfileView Profile);

/// <summary>Seed 000's /api/candidates endpoints (B1-B5, A3): the signed-in candidate's own profile, resumes and preferences.</summary>
public static class CandidateEndpoints
{
    public static RouteGroupBuilder MapCandidateEndpoints(this RouteGroupBuilder api)
    {
        var candidates = api.MapGroup("/candidates").WithTags("Candidates").RequireAuthorization(Policies.Candidate);
        candidates.MapGet("/me", MeAsync);
        candidates.MapPut("/me", UpdateMeAsync);
        candidates.MapPatch("/me/facts/{factId}", EditFactAsync);
        candidates.MapDelete("/me/facts/{factId}", DeleteFactAsync);
        candidates.MapGet("/me/skills", async (UserSkills skills, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await skills.ListAsync(user.UserId(), ct)));
        candidates.MapPut("/me/skills", ClaimSkillAsync);
        // Multipart without the form antiforgery check: bearer calls need none, and CookieCsrfFilter guards cookie calls.
        candidates.MapPost("/resume/upload", UploadAsync).DisableAntiforgery();
        candidates.MapGet("/resume", ListResumesAsync);
        candidates.MapGet("/resume/{versionId:guid}", GetResumeAsync);
        candidates.MapGet("/resume/{versionId:guid}/file", DownloadAsync);
        candidates.MapGet("/preferences", async (PreferencesService prefs, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await prefs.GetAsync(user.UserId(), ct)));
        candidates.MapPut("/preferences", SavePreferencesAsync);
        candidates.MapGet("/readiness", async (ProfileReadiness readiness, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await readiness.EvaluateAsync(user.UserId(), ct)));
        candidates.MapGet("/me/jsonresume", async (ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Text(JsonResumeExporter.ToJson(await store.CurrentResumeAsync(user.UserId(), ct)), "application/json"));
        candidates.MapPost("/me/jsonresume", ImportJsonResumeAsync);
        return api;
    }

    private static async Task<Ok<CandidateMeResponse>> MeAsync(ProfileStore store, ProfileReadiness readiness, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new CandidateMeResponse(await store.GetAsync(user.UserId(), ct), await readiness.EvaluateAsync(user.UserId(), ct)));

    private static async Task<Results<Ok<ProfileView>, ValidationProblem>> UpdateMeAsync(UpdateMeRequest request, ProfileStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var check = new Validation();
        if (request.Headline is { Length: > 300 }) check.Add("headline", "headline must be at most 300 characters.");
        if (request.YearsOfExperience is < 0 or > 70) check.Add("yearsOfExperience", "yearsOfExperience must be between 0 and 70.");
        if (!check.IsValid) return TypedResults.ValidationProblem(check.Errors);
        return TypedResults.Ok(await store.UpdateBasicsAsync(user.UserId(), request.Headline, request.YearsOfExperience, ct));
    }

    private static async Task<Results<Ok<ProfileFact>, ValidationProblem, ProblemHttpResult>> EditFactAsync(
        string factId, EditFactRequest request, ProfileStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var change = await store.EditFactAsync(user.UserId(), factId, request.Value, ct);
        return change.Status switch
        {
            FactChangeStatus.Changed => TypedResults.Ok(change.Fact!),
            FactChangeStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["value"] = [change.Error!] }),
            _ => FactNotFound(factId),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteFactAsync(string factId, ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
        await store.DeleteFactAsync(user.UserId(), factId, ct) ? TypedResults.NoContent() : FactNotFound(factId);

    private static async Task<Results<Ok<UserSkillView>, ValidationProblem>> ClaimSkillAsync(ClaimSkillRequest request, UserSkills skills, ClaimsPrincipal user, CancellationToken ct)
    {
        var check = new Validation().Required("name", request.Name, 200);
        if (request.Proficiency is not (>= 1 and <= 5)) check.Add("proficiency", "proficiency must be a whole number from 1 to 5.");
        if (!check.IsValid) return TypedResults.ValidationProblem(check.Errors);
        var (status, skill) = await skills.ClaimAsync(user.UserId(), request.Name!, request.Proficiency!.Value, ct);
        return status == SkillChangeStatus.Changed
            ? TypedResults.Ok(skill!)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"'{request.Name}' is not in the skills catalogue."] });
    }

    private static async Task<Results<Created<UploadResponse>, ValidationProblem>> UploadAsync(
        IFormFile? file, ResumeUploads uploads, ProfileStore store, IOptions<ResumeImportOptions> limits, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach the resume as the multipart field 'file'; it must not be empty."] });
        if (file.Length > limits.Value.MaxBytes)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"The file is {file.Length / 1048576.0:0.0} MB; the limit is {limits.Value.MaxBytes / 1048576.0:0.#} MB."] });
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return await StoreAsync(buffer.ToArray(), file.FileName, file.ContentType, uploads, store, user.UserId(), ct);
    }

    private static async Task<Results<Created<UploadResponse>, ValidationProblem>> ImportJsonResumeAsync(
        HttpRequest request, ResumeUploads uploads, ProfileStore store, IOptions<ResumeImportOptions> limits, ClaimsPrincipal user, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        // Read at most one byte past the limit, so an oversized body is refused without being held in memory whole.
        var read = await CopyAtMostAsync(request.Body, buffer, limits.Value.MaxBytes + 1, ct);
        if (read == 0 || read > limits.Value.MaxBytes)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [read == 0 ? "Send a JSON Resume document as the request body." : "The JSON Resume is larger than the upload limit."] });
        return await StoreAsync(buffer.ToArray(), "resume.json", "application/json", uploads, store, user.UserId(), ct);
    }

    private static async Task<Results<Created<UploadResponse>, ValidationProblem>> StoreAsync(
        byte[] content, string fileName, string? contentType, ResumeUploads uploads, ProfileStore store, string userId, CancellationToken ct)
    {
        UploadOutcome outcome;
        try
        {
            outcome = await uploads.UploadAsync(userId, content, fileName, contentType, ct);
        }
        catch (StorageQuotaException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [ex.Message] });
        }
        if (!outcome.Parsed)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [outcome.Error!] },
                detail: $"Version {outcome.Version.VersionNumber} was stored but could not be read, so the profile is unchanged.");
        return TypedResults.Created($"/api/candidates/resume/{outcome.Version.Id}", new UploadResponse(outcome.Version, await store.GetAsync(userId, ct)));
    }

    private static async Task<Ok<ResumeListResponse>> ListResumesAsync(ResumeUploads uploads, ClaimsPrincipal user, CancellationToken ct)
    {
        var versions = await uploads.ListAsync(user.UserId(), ct);
        return TypedResults.Ok(new ResumeListResponse(versions.Count > 0 ? versions[0] : null, versions));
    }

    private static async Task<Results<Ok<ResumeVersionResponse>, ProblemHttpResult>> GetResumeAsync(Guid versionId, ResumeUploads uploads, ClaimsPrincipal user, CancellationToken ct)
    {
        var detail = await uploads.GetAsync(user.UserId(), versionId, ct);
        if (detail is null) return VersionNotFound(versionId);
        JsonElement? parsed = detail.ParsedProfileJson is null ? null : JsonDocument.Parse(detail.ParsedProfileJson).RootElement.Clone();
        return TypedResults.Ok(new ResumeVersionResponse(detail.Version, parsed));
    }

    // Served as an attachment of a neutral type: an uploaded file is untrusted and must never render in our origin.
    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> DownloadAsync(Guid versionId, ResumeUploads uploads, ClaimsPrincipal user, CancellationToken ct) =>
        await uploads.FileAsync(user.UserId(), versionId, ct) is { } file
            ? TypedResults.PhysicalFile(file.FullPath, "application/octet-stream", file.Version.OriginalFileName)
            : VersionNotFound(versionId);

    private static async Task<Results<Ok<PreferencesView>, ValidationProblem>> SavePreferencesAsync(PreferenceValues? request, PreferencesService prefs, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the preferences as a JSON object."] });
        var (errors, saved) = await prefs.SaveAsync(user.UserId(), request, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(saved!);
    }

    private static async Task<long> CopyAtMostAsync(Stream source, Stream target, long max, CancellationToken ct)
    {
        var chunk = new byte[81920];
        long total = 0;
        int n;
        while (total < max && (n = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - total)), ct)) > 0)
        {
            await target.WriteAsync(chunk.AsMemory(0, n), ct);
            total += n;
        }
        return total;
    }

    private static ProblemHttpResult FactNotFound(string id) =>
        TypedResults.Problem($"Your profile has no fact '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Fact not found");

    private static ProblemHttpResult VersionNotFound(Guid id) =>
        TypedResults.Problem($"You have no resume version {id}.", statusCode: StatusCodes.Status404NotFound, title: "Resume version not found");
}
