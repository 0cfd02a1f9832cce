using System.Globalization;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Review;
using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Profiles.Onboarding;

/// <summary>
/// The onboarding wizard (A3), resume first: the upload fills the profile, the review confirms it, and each later step
/// starts from what the resume says and asks only for what it lacks. Each step is saved as it is left, and the saved
/// step is where a returning candidate continues.
/// </summary>
public sealed class OnboardingFlow(ProfileStore profiles, PreferencesService preferences, ResumeUploads uploads)
{
    public async Task<OnboardingState> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(userId, cancellationToken);
        var prefs = (await preferences.GetAsync(userId, cancellationToken)).Values;
        var versions = await uploads.ListAsync(userId, cancellationToken);
        var resume = versions.Count > 0 ? versions[0] : null;
        var facts = profile.Facts;
        var title = ResumeSuggestions.Title(facts);
        var location = ResumeSuggestions.Location(facts);
        var level = ResumeSuggestions.Level(title, profile.YearsOfExperience);
        var goals = new GoalsDraft(
            prefs.Titles.Count > 0 ? string.Join(", ", prefs.Titles) : title ?? "",
            prefs.Locations.Count > 0 ? string.Join(", ", prefs.Locations) : location ?? "",
            prefs.RemotePreference, prefs.WillingToRelocate,
            prefs.Titles.Count == 0 && title is not null, prefs.Locations.Count == 0 && location is not null);
        var experience = new ExperienceDraft(
            ResumeSuggestions.Years(profile.YearsOfExperience), prefs.ExperienceLevel ?? level,
            Number(prefs.SalaryMin), Number(prefs.SalaryMax), prefs.SalaryCurrency ?? "USD",
            profile.YearsOfExperience is not null && profile.CurrentVersionId is not null, prefs.ExperienceLevel is null && level is not null);
        return new OnboardingState(profile.OnboardingStep, profile, resume, ProfileReview.Build(facts), goals, experience,
            ResumeSuggestions.Entries(facts, "experience.", "experience.title", "experience.company"),
            ResumeSuggestions.Entries(facts, "education.", "education.degree", "education.institution"),
            ProfileReadiness.Evaluate(profile, prefs));
    }

    /// <summary>Stores the upload as a new version; a readable resume moves the wizard on to its review.</summary>
    public async Task<UploadOutcome> UploadAsync(string userId, byte[] content, string fileName, string? contentType, CancellationToken cancellationToken)
    {
        var outcome = await uploads.UploadAsync(userId, content, fileName, contentType, cancellationToken);
        if (outcome.Parsed) await MoveAsync(userId, OnboardingSteps.Review, cancellationToken);
        return outcome;
    }

    /// <summary>Leaves a step that asks nothing more (the resume already answered it): the next step is saved and returned.</summary>
    public async Task<StepResult> ContinueAsync(string userId, string step, CancellationToken cancellationToken)
    {
        if (step == OnboardingSteps.Resume && (await profiles.GetAsync(userId, cancellationToken)).Facts.Count == 0)
            return StepResult.Failed(step, new Dictionary<string, string> { ["file"] = "Upload your resume first: every later step starts from it." });
        return await LeaveAsync(userId, step, cancellationToken);
    }

    /// <summary>"Accept all": every fact is confirmed as shown and the wizard moves on.</summary>
    public async Task<StepResult> AcceptReviewAsync(string userId, CancellationToken cancellationToken)
    {
        await profiles.AcceptAllAsync(userId, cancellationToken);
        return await LeaveAsync(userId, OnboardingSteps.Review, cancellationToken);
    }

    public async Task<StepResult> SaveGoalsAsync(string userId, GoalsInput input, CancellationToken cancellationToken)
    {
        var titles = Split(input.Titles);
        var locations = Split(input.Locations);
        var remote = string.IsNullOrWhiteSpace(input.Remote) ? null : input.Remote.Trim();
        var errors = new Dictionary<string, string>();
        if (titles.Count == 0) errors["titles"] = "Add at least one role you are looking for.";
        if (locations.Count == 0 && remote is null or "onsite") errors["locations"] = "Add a place you want to work in, or choose remote, hybrid or any.";
        if (errors.Count > 0) return StepResult.Failed(OnboardingSteps.Goals, errors);
        var saved = await preferences.UpdateAsync(userId, p => p with { Titles = titles, Locations = locations, RemotePreference = remote, WillingToRelocate = input.Relocate }, cancellationToken);
        return saved.Count > 0 ? StepResult.Failed(OnboardingSteps.Goals, FormErrors(saved)) : await LeaveAsync(userId, OnboardingSteps.Goals, cancellationToken);
    }

    public async Task<StepResult> SaveExperienceAsync(string userId, ExperienceInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (!TryNumber(input.Years, out var years) || years is < 0 or > 70) errors["years"] = "Years of experience must be a number from 0 to 70.";
        if (!TryNumber(input.SalaryMin, out var min)) errors["salaryMin"] = "Write the salary as a number, e.g. 85000.";
        if (!TryNumber(input.SalaryMax, out var max)) errors["salaryMax"] = "Write the salary as a number, e.g. 95000.";
        if (errors.Count > 0) return StepResult.Failed(OnboardingSteps.Experience, errors);
        var level = string.IsNullOrWhiteSpace(input.Level) ? null : input.Level.Trim();
        var currency = string.IsNullOrWhiteSpace(input.Currency) ? null : input.Currency.Trim().ToUpperInvariant();
        var saved = await preferences.UpdateAsync(userId, p => p with { ExperienceLevel = level, SalaryMin = min, SalaryMax = max, SalaryCurrency = currency }, cancellationToken);
        if (saved.Count > 0) return StepResult.Failed(OnboardingSteps.Experience, FormErrors(saved));
        var profile = await profiles.GetAsync(userId, cancellationToken);
        await profiles.UpdateBasicsAsync(userId, profile.Headline, years is null ? null : (double)years, cancellationToken);
        return await LeaveAsync(userId, OnboardingSteps.Experience, cancellationToken);
    }

    /// <summary>Adds a degree (degree, field, institution, graduation year); an empty form just moves on.</summary>
    public Task<StepResult> AddEducationAsync(string userId, EntryInput input, CancellationToken cancellationToken) =>
        AddEntryAsync(userId, OnboardingSteps.Education, input, [("education.degree", "degree"), ("education.field", "field"), ("education.institution", "institution"), ("education.end", "end")], cancellationToken);

    /// <summary>Adds a job (title, company, start, end); an empty form just moves on.</summary>
    public Task<StepResult> AddJobAsync(string userId, EntryInput input, CancellationToken cancellationToken) =>
        AddEntryAsync(userId, OnboardingSteps.WorkHistory, input, [("experience.title", "title"), ("experience.company", "company"), ("experience.start", "start"), ("experience.end", "end")], cancellationToken);

    private async Task<StepResult> AddEntryAsync(string userId, string step, EntryInput input, (string Kind, string Field)[] fields, CancellationToken cancellationToken)
    {
        if (input.IsEmpty) return await LeaveAsync(userId, step, cancellationToken);
        string?[] values = [input.First, input.Second, input.Third, input.Fourth];
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < fields.Length; i++)
            if (!string.IsNullOrWhiteSpace(values[i]) && FactKinds.Check(fields[i].Kind, values[i]) is { } error) errors[fields[i].Field] = error;
        if (string.IsNullOrWhiteSpace(values[0])) errors[fields[0].Field] = $"Add the {fields[0].Field}, or clear the form to skip.";
        if (errors.Count > 0) return StepResult.Failed(step, errors);
        var error2 = await profiles.AddFactsAsync(userId, [.. fields.Select((f, i) => (f.Kind, values[i] ?? ""))], cancellationToken);
        return error2 is null ? await LeaveAsync(userId, step, cancellationToken) : StepResult.Failed(step, new Dictionary<string, string> { [fields[0].Field] = error2 });
    }

    private async Task<StepResult> LeaveAsync(string userId, string step, CancellationToken cancellationToken)
    {
        var next = OnboardingSteps.Next(step);
        await MoveAsync(userId, next, cancellationToken);
        return new StepResult(next, new Dictionary<string, string>());
    }

    // The saved step only moves forward: revisiting an earlier step to fix something does not lose the place reached.
    private async Task MoveAsync(string userId, string step, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(userId, cancellationToken);
        if (profile.OnboardingCompleted || OnboardingSteps.Index(step) <= OnboardingSteps.Index(profile.OnboardingStep)) return;
        await profiles.SetOnboardingStepAsync(userId, step, cancellationToken);
    }

    // Validator keys are the API's names; the form's fields are named for the page.
    private static Dictionary<string, string> FormErrors(IDictionary<string, string[]> errors) => errors.ToDictionary(
        e => e.Key switch { "remotePreference" => "remote", "experienceLevel" => "level", "salaryCurrency" => "currency", "willingToRelocate" => "relocate", var k => k },
        e => string.Join(" ", e.Value));

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    private static bool TryNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var ok = decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v);
        value = v;
        return ok;
    }
}
