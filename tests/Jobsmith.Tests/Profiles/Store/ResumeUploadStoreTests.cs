using System.Security.Cryptography;
using System.Text;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Profiles.Store;

public sealed class ResumeUploadStoreTests
{
    private static readonly byte[] Resume = Encoding.UTF8.GetBytes(SampleResumes.Text);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_stores_the_file_the_version_facts_with_provenance_skills_and_one_event(string provider)
    {
        await using var h = await StoreHarness.StartAsync(provider);
        var userId = await h.AddUserAsync("upload@example.com");

        var outcome = await h.InScopeAsync(sp => sp.GetRequiredService<ResumeUploads>().UploadAsync(userId, Resume, "../../etc/cv.txt", "text/plain", default));

        Assert.True(outcome.Parsed, outcome.Error);
        Assert.Equal(1, outcome.Version.VersionNumber);
        Assert.Equal("cv.txt", outcome.Version.OriginalFileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Resume)), outcome.Version.Sha256);
        var file = await h.InScopeAsync(sp => sp.GetRequiredService<ResumeUploads>().FileAsync(userId, outcome.Version.Id, default));
        Assert.NotNull(file);
        Assert.StartsWith(Path.Combine(h.Database.Folder, "resumes", userId), file.Value.FullPath, StringComparison.Ordinal);
        Assert.Equal(Resume, await File.ReadAllBytesAsync(file.Value.FullPath));

        var profile = await h.InScopeAsync(sp => sp.GetRequiredService<ProfileStore>().GetAsync(userId, default));
        var name = Assert.Single(profile.Facts, f => f.Kind == "name");
        Assert.Equal(SampleResumes.Name, name.Value);
        Assert.Equal(outcome.Version.Id, name.VersionId);
        Assert.Equal(1, name.Span!.FirstLine);
        Assert.Equal(SampleResumes.Name, name.SourceText);
        Assert.Contains(profile.Facts, f => f.Kind == "experience.company" && f.Value == "Stripe" && f.Entry == 0);
        Assert.True(profile.CompletenessScore >= ProfileReadiness.MinimumCompleteness, $"score {profile.CompletenessScore}");
        Assert.Equal(outcome.Version.Id, profile.CurrentVersionId);

        var skills = await h.InScopeAsync(sp => sp.GetRequiredService<UserSkills>().ListAsync(userId, default));
        Assert.Contains(skills, s => s.Name == "Kubernetes" && s.Verification == "unverified" && s.Proficiency is null);
        var events = await h.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentEvent>()
            .Where(e => e.UserId == userId && e.Type == EventTypes.ResumeUploaded).ToListAsync());
        Assert.Contains(outcome.Version.Id.ToString(), Assert.Single(events).PayloadJson, StringComparison.Ordinal);
        var task = await h.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentTask>().SingleAsync(t => t.UserId == userId));
        Assert.Equal(("resume-analyzer", AgentTaskStatus.Completed), (task.Agent, task.Status));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failed_parse_keeps_the_version_with_its_error_and_creates_no_facts(string provider)
    {
        await using var h = await StoreHarness.StartAsync(provider);
        var userId = await h.AddUserAsync("broken@example.com");

        var outcome = await h.InScopeAsync(sp => sp.GetRequiredService<ResumeUploads>().UploadAsync(
            userId, Encoding.ASCII.GetBytes("%PDF-1.7\n garbage that is no pdf at all"), "cv.pdf", "application/pdf", default));

        Assert.False(outcome.Parsed);
        Assert.Equal("failed", outcome.Version.Status);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Version.Error));
        var profile = await h.InScopeAsync(sp => sp.GetRequiredService<ProfileStore>().GetAsync(userId, default));
        Assert.Empty(profile.Facts);
        Assert.Null(profile.CurrentVersionId);
        var detail = await h.InScopeAsync(sp => sp.GetRequiredService<ResumeUploads>().GetAsync(userId, outcome.Version.Id, default));
        Assert.Null(detail!.ParsedProfileJson);
        var task = await h.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentTask>().SingleAsync(t => t.UserId == userId));
        Assert.Equal(AgentTaskStatus.Failed, task.Status);
        Assert.Equal(outcome.Version.Error, task.Error);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_upload_is_a_new_version_older_ones_stay_readable_and_only_by_their_owner(string provider)
    {
        await using var h = await StoreHarness.StartAsync(provider);
        var userId = await h.AddUserAsync("versions@example.com");
        var otherId = await h.AddUserAsync("other@example.com");
        var uploads = (IServiceProvider sp) => sp.GetRequiredService<ResumeUploads>();

        var first = await h.InScopeAsync(sp => uploads(sp).UploadAsync(userId, Resume, "v1.txt", "text/plain", default));
        var second = await h.InScopeAsync(sp => uploads(sp).UploadAsync(userId, Encoding.UTF8.GetBytes(SampleResumes.Text.Replace("Stripe", "Adyen", StringComparison.Ordinal)), "v2.md", "text/markdown", default));

        Assert.Equal(2, second.Version.VersionNumber);
        var list = await h.InScopeAsync(sp => uploads(sp).ListAsync(userId, default));
        Assert.Equal([2, 1], list.Select(v => v.VersionNumber));
        var old = await h.InScopeAsync(sp => uploads(sp).GetAsync(userId, first.Version.Id, default));
        Assert.Contains("Stripe", old!.ParsedProfileJson, StringComparison.Ordinal);
        var profile = await h.InScopeAsync(sp => sp.GetRequiredService<ProfileStore>().GetAsync(userId, default));
        Assert.Contains(profile.Facts, f => f.Value == "Adyen");
        Assert.DoesNotContain(profile.Facts, f => f.Value == "Stripe");

        Assert.Null(await h.InScopeAsync(sp => uploads(sp).GetAsync(otherId, first.Version.Id, default)));
        Assert.Null(await h.InScopeAsync(sp => uploads(sp).FileAsync(otherId, first.Version.Id, default)));
        Assert.Empty(await h.InScopeAsync(sp => uploads(sp).ListAsync(otherId, default)));
    }
}
