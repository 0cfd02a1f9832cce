using System.Text;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Profiles.Store;

public sealed class ProfileFactsAndReadinessTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correction_keeps_the_parsed_value_and_a_deletion_lowers_completeness(string provider)
    {
        await using var h = await StoreHarness.StartAsync(provider);
        var userId = await h.AddUserAsync("edit@example.com");
        var otherId = await h.AddUserAsync("intruder@example.com");
        await h.InScopeAsync(sp => sp.GetRequiredService<ResumeUploads>().UploadAsync(userId, Encoding.UTF8.GetBytes(SampleResumes.Text), "cv.txt", null, default));
        var store = (IServiceProvider sp) => sp.GetRequiredService<ProfileStore>();
        var before = await h.InScopeAsync(sp => store(sp).GetAsync(userId, default));
        var name = before.Facts.Single(f => f.Kind == "name");
        var email = before.Facts.Single(f => f.Kind == "email");

        Assert.Equal(FactChangeStatus.NotFound, (await h.InScopeAsync(sp => store(sp).EditFactAsync(otherId, name.Id, "Mallory", default))).Status);
        Assert.False(await h.InScopeAsync(sp => store(sp).DeleteFactAsync(otherId, email.Id, default)));
        var bad = await h.InScopeAsync(sp => store(sp).EditFactAsync(userId, email.Id, "not-an-email", default));
        Assert.Equal(FactChangeStatus.Invalid, bad.Status);

        var edited = await h.InScopeAsync(sp => store(sp).EditFactAsync(userId, name.Id, "Priya R. Raman", default));
        Assert.Equal(FactChangeStatus.Changed, edited.Status);
        Assert.True(await h.InScopeAsync(sp => store(sp).DeleteFactAsync(userId, email.Id, default)));

        var after = await h.InScopeAsync(sp => store(sp).GetAsync(userId, default));
        var nameAfter = after.Facts.Single(f => f.Kind == "name");
        Assert.Equal(("Priya R. Raman", SampleResumes.Name, FactSources.Edited), (nameAfter.Value, nameAfter.ParsedValue, nameAfter.Source));
        Assert.DoesNotContain(after.Facts, f => f.Kind == "email");
        Assert.Equal(before.CompletenessScore - 10, after.CompletenessScore);
        Assert.Contains("email", after.Missing);
        var exported = await h.InScopeAsync(sp => store(sp).CurrentResumeAsync(userId, default));
        Assert.Equal("Priya R. Raman", exported.Contact.Name!.Value);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Readiness_lists_exactly_what_is_missing_until_profile_and_preferences_pass(string provider)
    {
        await using var h = await StoreHarness.StartAsync(provider);
        var userId = await h.AddUserAsync("ready@example.com");
        var readiness = (IServiceProvider sp) => sp.GetRequiredService<ProfileReadiness>().EvaluateAsync(userId, default);

        var empty = await h.InScopeAsync(readiness);
        Assert.False(empty.Ready);
        Assert.Equal(4, empty.Missing.Count);
        Assert.Contains(empty.Missing, m => m.Contains("completeness is 0/100", StringComparison.Ordinal));

        // Typed-in facts count too: an education entry and a job are added the way onboarding adds them.
        Assert.Null(await h.InScopeAsync(sp => sp.GetRequiredService<ProfileStore>().AddFactsAsync(userId,
            [("education.degree", "MSc"), ("education.institution", "ETH Zurich"), ("education.end", "2018")], default)));
        Assert.NotNull(await h.InScopeAsync(sp => sp.GetRequiredService<ProfileStore>().AddFactsAsync(userId, [("experience.start", "last spring")], default)));
        await h.InScopeAsync(sp => sp.GetRequiredService<ResumeUploads>().UploadAsync(userId, Encoding.UTF8.GetBytes(SampleResumes.Text), "cv.txt", null, default));
        var profile = await h.InScopeAsync(sp => sp.GetRequiredService<ProfileStore>().GetAsync(userId, default));
        Assert.Contains(profile.Facts, f => f.Value == "ETH Zurich" && f.Source == FactSources.Edited && f.VersionId is null);

        var noPrefs = await h.InScopeAsync(readiness);
        Assert.Equal(["Add at least one target job title.", "Add a location you want to work in, or choose remote, hybrid or any."], noPrefs.Missing);

        var errors = await h.InScopeAsync(sp => sp.GetRequiredService<PreferencesService>().UpdateAsync(userId,
            p => p with { Titles = ["Staff Engineer"], RemotePreference = "remote" }, default));
        Assert.Empty(errors);
        var ready = await h.InScopeAsync(readiness);
        Assert.True(ready.Ready, string.Join("; ", ready.Missing));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Learned_adjustments_are_stored_apart_from_typed_preferences(string provider)
    {
        await using var h = await StoreHarness.StartAsync(provider);
        var userId = await h.AddUserAsync("learn@example.com");
        var prefs = (IServiceProvider sp) => sp.GetRequiredService<PreferencesService>();
        await h.InScopeAsync(sp => prefs(sp).SaveAsync(userId, new PreferenceValues { Titles = ["Data Engineer"], SalaryMin = 100_000, SalaryMax = 150_000, SalaryCurrency = "usd" }, default));
        await h.InScopeAsync(async sp =>
        {
            await prefs(sp).StageLearnedAsync(userId, new LearnedAdjustment("experience_level", "lead", 1, "2 jobs marked too junior", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), Guid.NewGuid()), default);
            return await sp.GetRequiredService<Jobsmith.Core.Data.AppDbContext>().SaveChangesAsync();
        });

        var view = await h.InScopeAsync(sp => prefs(sp).GetAsync(userId, default));
        Assert.Equal(["Data Engineer"], view.Values.Titles);
        Assert.Equal("USD", view.Values.SalaryCurrency);
        Assert.Equal("lead", Assert.Single(view.Learned).Value);
        Assert.Null(view.Values.ExperienceLevel);
        Assert.Equal("lead", view.Effective.ExperienceLevel);
        Assert.Equal(["Data Engineer"], view.Effective.Titles);
    }
}
