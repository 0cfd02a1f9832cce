using System.Globalization;
using System.Security.Claims;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jobsmith.Web.Components.Pages.Onboarding;

/// <summary>
/// The onboarding wizard's forms (A3) and the profile review's fact forms post here (cookie auth, antiforgery
/// checked by form binding). A step is saved when it is left, and the saved step is where a returning user resumes.
/// </summary>
public static class OnboardingFormEndpoints
{
    public static WebApplication MapOnboardingFormEndpoints(this WebApplication app)
    {
        var onboarding = app.MapGroup("/onboarding").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        onboarding.MapGet("/", async (ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
            Results.LocalRedirect($"/onboarding/{(await store.GetAsync(user.UserId(), ct)).OnboardingStep}"));
        onboarding.MapPost("/welcome", (ProfileStore store, ClaimsPrincipal user, CancellationToken ct) => LeaveAsync(store, user, OnboardingSteps.Welcome, ct));
        onboarding.MapPost("/goals", GoalsAsync);
        onboarding.MapPost("/experience", ExperienceAsync);
        onboarding.MapPost("/education", ([FromForm] string? degree, [FromForm] string? field, [FromForm] string? institution, [FromForm] string? end,
                ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
            AddEntryAsync(store, user, OnboardingSteps.Education,
                [("education.degree", degree), ("education.field", field), ("education.institution", institution), ("education.end", end)], ct));
        onboarding.MapPost("/work-history", ([FromForm] string? title, [FromForm] string? company, [FromForm] string? start, [FromForm] string? end, [FromForm] string? skip,
                ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
            AddEntryAsync(store, user, OnboardingSteps.WorkHistory, skip is null
                ? [("experience.title", title), ("experience.company", company), ("experience.start", start), ("experience.end", end)]
                : [], ct));
        onboarding.MapPost("/resume/upload", UploadAsync);
        onboarding.MapPost("/resume", (ProfileStore store, ClaimsPrincipal user, CancellationToken ct) => LeaveAsync(store, user, OnboardingSteps.Resume, ct));

        app.MapPost("/profile/preferences", SavePreferencesAsync).RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        var facts = app.MapGroup("/profile/facts").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        facts.MapPost("/{factId}", async (string factId, [FromForm] string? value, [FromForm] string? returnUrl, ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var change = await store.EditFactAsync(user.UserId(), factId, value, ct);
            return change.Status == FactChangeStatus.NotFound ? Results.NotFound() : Back(returnUrl, change.Error);
        });
        facts.MapPost("/{factId}/delete", async (string factId, [FromForm] string? returnUrl, ProfileStore store, ClaimsPrincipal user, CancellationToken ct) =>
            await store.DeleteFactAsync(user.UserId(), factId, ct) ? Back(returnUrl, null) : Results.NotFound());
        return app;
    }

    private static async Task<IResult> LeaveAsync(ProfileStore store, ClaimsPrincipal user, string step, CancellationToken ct)
    {
        var next = OnboardingSteps.Next(step);
        await store.SetOnboardingStepAsync(user.UserId(), next, ct);
        return Results.LocalRedirect($"/onboarding/{next}");
    }

    private static async Task<IResult> GoalsAsync([FromForm] string? titles, [FromForm] string? locations, [FromForm] string? remote, [FromForm] string? relocate,
        PreferencesService prefs, ProfileStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = await prefs.UpdateAsync(user.UserId(), p => p with
        {
            Titles = Split(titles), Locations = Split(locations), RemotePreference = remote, WillingToRelocate = relocate is not null,
        }, ct);
        return errors.Count > 0 ? Error(OnboardingSteps.Goals, errors) : await LeaveAsync(store, user, OnboardingSteps.Goals, ct);
    }

    private static async Task<IResult> SavePreferencesAsync(IFormCollection form, PreferencesService prefs, ClaimsPrincipal user, CancellationToken ct)
    {
        // Binding IFormCollection (not reading the body by hand) keeps the automatic antiforgery check.
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

    private static async Task<IResult> ExperienceAsync([FromForm] string? years, [FromForm] string? level, [FromForm] string? salaryMin,
        [FromForm] string? salaryMax, [FromForm] string? currency, PreferencesService prefs, ProfileStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!TryNumber(years, out var y) || y is < 0 or > 70) return Error(OnboardingSteps.Experience, "Years of experience must be a number from 0 to 70.");
        if (!TryNumber(salaryMin, out var min) || !TryNumber(salaryMax, out var max)) return Error(OnboardingSteps.Experience, "Salaries must be numbers, e.g. 85000.");
        var errors = await prefs.UpdateAsync(user.UserId(), p => p with
        {
            ExperienceLevel = level, SalaryMin = min, SalaryMax = max, SalaryCurrency = currency,
        }, ct);
        if (errors.Count > 0) return Error(OnboardingSteps.Experience, errors);
        var profile = await store.GetAsync(user.UserId(), ct);
        await store.UpdateBasicsAsync(user.UserId(), profile.Headline, y is null ? null : (double)y, ct);
        return await LeaveAsync(store, user, OnboardingSteps.Experience, ct);
    }

    private static async Task<IResult> AddEntryAsync(ProfileStore store, ClaimsPrincipal user, string step, IReadOnlyList<(string Kind, string? Value)> values, CancellationToken ct)
    {
        var error = await store.AddFactsAsync(user.UserId(), [.. values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => (v.Kind, v.Value!))], ct);
        return error is null ? await LeaveAsync(store, user, step, ct) : Error(step, error);
    }

    private static async Task<IResult> UploadAsync(IFormFile? file, ResumeUploads uploads, IOptions<ResumeImportOptions> limits, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error(OnboardingSteps.Resume, "Choose a resume file to upload.");
        if (file.Length > limits.Value.MaxBytes)
            return Error(OnboardingSteps.Resume, $"The file is {file.Length / 1048576.0:0.0} MB; the limit is {limits.Value.MaxBytes / 1048576.0:0.#} MB.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        UploadOutcome outcome;
        try
        {
            outcome = await uploads.UploadAsync(user.UserId(), buffer.ToArray(), file.FileName, file.ContentType, ct);
        }
        catch (StorageQuotaException ex)
        {
            return Error(OnboardingSteps.Resume, ex.Message);
        }
        return outcome.Parsed
            ? Results.LocalRedirect($"/onboarding/resume?uploaded={outcome.Version.VersionNumber}")
            : Error(OnboardingSteps.Resume, outcome.Error!);
    }

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

    private static IResult Error(string step, IDictionary<string, string[]> errors) => Error(step, string.Join(" ", errors.Values.SelectMany(v => v)));

    private static IResult Error(string step, string message) => Results.LocalRedirect($"/onboarding/{step}?error={Uri.EscapeDataString(message)}");

    // Same-site paths only, so a crafted returnUrl cannot bounce the candidate off-site.
    private static IResult Back(string? returnUrl, string? error)
    {
        var target = returnUrl is { Length: > 1 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl.Split('?')[0] : "/profile";
        return Results.LocalRedirect(error is null ? target : $"{target}?error={Uri.EscapeDataString(error)}");
    }
}
