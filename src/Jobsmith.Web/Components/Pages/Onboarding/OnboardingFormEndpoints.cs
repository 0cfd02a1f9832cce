using System.Globalization;
using System.Security.Claims;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Onboarding;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Web.Auth;
using Microsoft.Extensions.Options;

namespace Jobsmith.Web.Components.Pages.Onboarding;

/// <summary>
/// The onboarding wizard's forms (A3) and the profile review's fact forms post here (cookie auth; binding the form
/// keeps the antiforgery check). Each calls one <see cref="OnboardingFlow"/> or <see cref="ProfileStore"/> use case; a
/// step with errors sends the candidate back with what they typed, so nothing is lost.
/// </summary>
public static class OnboardingFormEndpoints
{
    public static WebApplication MapOnboardingFormEndpoints(this WebApplication app)
    {
        var onboarding = app.MapGroup("/onboarding").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        onboarding.MapGet("/", async (ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
            Results.LocalRedirect($"/onboarding/{(await store.GetAsync(user.UserId(), ct)).OnboardingStep}"));
        onboarding.MapPost("/resume/upload", UploadAsync);
        onboarding.MapPost("/resume", async (IFormCollection form, OnboardingFlow flow, ClaimsPrincipal user, CancellationToken ct) =>
            Go(await flow.ContinueAsync(user.UserId(), OnboardingSteps.Resume, ct), form));
        onboarding.MapPost("/review", async (IFormCollection form, OnboardingFlow flow, ClaimsPrincipal user, CancellationToken ct) =>
            Go(await flow.AcceptReviewAsync(user.UserId(), ct), form));
        onboarding.MapPost("/goals", async (IFormCollection form, OnboardingFlow flow, ClaimsPrincipal user, CancellationToken ct) =>
            Go(await flow.SaveGoalsAsync(user.UserId(), new GoalsInput(form["titles"], form["locations"], form["remote"], form.ContainsKey("relocate")), ct), form));
        onboarding.MapPost("/experience", async (IFormCollection form, OnboardingFlow flow, ClaimsPrincipal user, CancellationToken ct) =>
            Go(await flow.SaveExperienceAsync(user.UserId(), new ExperienceInput(form["years"], form["level"], form["salaryMin"], form["salaryMax"], form["currency"]), ct), form));
        onboarding.MapPost("/education", async (IFormCollection form, OnboardingFlow flow, ClaimsPrincipal user, CancellationToken ct) =>
            Go(await flow.AddEducationAsync(user.UserId(), new EntryInput(form["degree"], form["field"], form["institution"], form["end"]), ct), form));
        onboarding.MapPost("/work-history", async (IFormCollection form, OnboardingFlow flow, ClaimsPrincipal user, CancellationToken ct) =>
            Go(await flow.AddJobAsync(user.UserId(), form.ContainsKey("skip") ? new EntryInput(null, null, null, null)
                : new EntryInput(form["title"], form["company"], form["start"], form["end"]), ct), form));

        app.MapPost("/profile/preferences", SavePreferencesAsync).RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        var facts = app.MapGroup("/profile/facts").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        facts.MapPost("/card", EditCardAsync);
        facts.MapPost("/accept-all", async (IFormCollection form, ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await store.AcceptAllAsync(user.UserId(), ct);
            return Back(form["returnUrl"], null);
        });
        facts.MapPost("/{factId}", async (string factId, IFormCollection form, ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var change = await store.EditFactAsync(user.UserId(), factId, form["value"], ct);
            return change.Status == FactChangeStatus.NotFound ? Results.NotFound() : Back(form["returnUrl"], change.Error);
        });
        facts.MapPost("/{factId}/delete", async (string factId, IFormCollection form, ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
            await store.DeleteFactAsync(user.UserId(), factId, ct) ? Back(form["returnUrl"], null, $"#{form["card"]}") : Results.NotFound());
        return app;
    }

    // One review card posts all its facts as "fact.{id}"; only changed values are saved, and only when all are valid.
    private static async Task<IResult> EditCardAsync(IFormCollection form, ProfileStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var values = form.Keys.Where(k => k.StartsWith("fact.", StringComparison.Ordinal)).ToDictionary(k => k[5..], k => (string?)form[k].ToString(), StringComparer.Ordinal);
        var errors = await store.EditFactsAsync(user.UserId(), values, ct);
        if (errors.Count == 0) return Back(form["returnUrl"], null, $"?saved={Uri.EscapeDataString(form["card"].ToString())}#{form["card"]}");
        var echo = values.Select(v => $"fact.{v.Key}={Uri.EscapeDataString(v.Value ?? "")}")
            .Concat(errors.Select(e => $"err.fact.{e.Key}={Uri.EscapeDataString(e.Value)}"));
        return Back(form["returnUrl"], "Some values could not be saved; see the fields marked below.", "&" + string.Join("&", echo) + $"#{form["card"]}");
    }

    private static async Task<IResult> UploadAsync(IFormFile? file, IFormCollection form, OnboardingFlow flow, IOptions<ResumeImportOptions> limits, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Failed(OnboardingSteps.Resume, "file", "Choose a resume file to upload.");
        if (file.Length > limits.Value.MaxBytes)
            return Failed(OnboardingSteps.Resume, "file", $"The file is {file.Length / 1048576.0:0.0} MB; the limit is {limits.Value.MaxBytes / 1048576.0:0.#} MB.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        try
        {
            var outcome = await flow.UploadAsync(user.UserId(), buffer.ToArray(), file.FileName, file.ContentType, ct);
            return outcome.Parsed
                ? Results.LocalRedirect($"/onboarding/{OnboardingSteps.Review}?uploaded={outcome.Version.VersionNumber}")
                : Failed(OnboardingSteps.Resume, "file", outcome.Error!);
        }
        catch (StorageQuotaException ex)
        {
            return Failed(OnboardingSteps.Resume, "file", ex.Message);
        }
    }

    private static async Task<IResult> SavePreferencesAsync(IFormCollection form, PreferencesService prefs, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!TryNumber(form["salaryMin"], out var min) || !TryNumber(form["salaryMax"], out var max))
            return Results.LocalRedirect($"/profile?error={Uri.EscapeDataString("Salaries must be numbers, e.g. 85000.")}");
        var (errors, _) = await prefs.SaveAsync(user.UserId(), new PreferenceValues
        {
            Titles = Split(form["titles"]), Locations = Split(form["locations"]), RemotePreference = form["remote"], ExperienceLevel = form["level"],
            WillingToRelocate = form.ContainsKey("relocate"), SalaryMin = min, SalaryMax = max, SalaryCurrency = form["currency"],
            EmploymentTypes = [.. form["employmentTypes"].OfType<string>()], CompanySizes = [.. form["companySizes"].OfType<string>()],
            Industries = Split(form["industries"]), NeedsVisaSponsorship = form.ContainsKey("visa"), WorkAuthorization = form["workAuthorization"],
            CompaniesToAvoid = Split(form["avoid"]),
        }, ct);
        return Results.LocalRedirect(errors.Count == 0 ? "/profile?saved=1" : $"/profile?error={Uri.EscapeDataString(string.Join(" ", errors.Values.SelectMany(v => v)))}");
    }

    // Success goes to the next step; errors go back to the step with each field's message and everything typed.
    private static IResult Go(StepResult result, IFormCollection form)
    {
        if (result.Ok) return Results.LocalRedirect($"/onboarding/{result.Next}");
        var echo = form.Keys.Where(k => k != "__RequestVerificationToken").Select(k => $"{k}={Uri.EscapeDataString(form[k].ToString())}");
        var errors = result.Errors.Select(e => $"err.{e.Key}={Uri.EscapeDataString(e.Value)}");
        return Results.LocalRedirect($"/onboarding/{result.Next}?" + string.Join("&", errors.Concat(echo)));
    }

    private static IResult Failed(string step, string field, string message) => Results.LocalRedirect($"/onboarding/{step}?err.{field}={Uri.EscapeDataString(message)}");

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool TryNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var ok = decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var v);
        value = v;
        return ok;
    }

    // Same-site paths only, so a crafted returnUrl cannot bounce the candidate off-site.
    private static IResult Back(string? returnUrl, string? error, string suffix = "")
    {
        var target = returnUrl is { Length: > 1 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl.Split('?')[0] : "/profile";
        if (error is null) return Results.LocalRedirect(target + (suffix == "#" ? "" : suffix));
        return Results.LocalRedirect($"{target}?error={Uri.EscapeDataString(error)}{suffix}");
    }
}
