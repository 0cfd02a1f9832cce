using System.Security.Cryptography;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Profiles.Store;

/// <summary>
/// Stores an uploaded resume as a new version, parses it, and replaces the parsed facts of the profile (B1).
/// A file that cannot be parsed is still kept as a version with its error, and the profile is left untouched:
/// never a placeholder profile.
/// </summary>
public sealed class ResumeUploads(
    AppDbContext db, ProfileParser parser, ProfileStore profiles, UserSkills skills, EventPublisher events, AuditLog audit,
    AgentTaskRecorder tasks, IOptions<JobsmithOptions> options, TimeProvider clock)
{
    private static readonly string[] KnownExtensions = [".pdf", ".docx", ".txt", ".md", ".markdown", ".json"];

    public async Task<UploadOutcome> UploadAsync(string userId, byte[] content, string fileName, string? contentType, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var displayName = Path.GetFileName(fileName.Replace('\\', '/'));
        if (displayName.Length > 200) displayName = displayName[^200..];
        var number = await db.Set<ResumeVersion>().Where(v => v.UserId == userId).MaxAsync(v => (int?)v.VersionNumber, cancellationToken) ?? 0;
        var version = new ResumeVersion
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            VersionNumber = number + 1,
            OriginalFileName = displayName,
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType[..Math.Min(contentType.Length, 150)],
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = now.UtcDateTime,
        };
        version.StoredPath = await WriteFileAsync(userId, version.Id, displayName, content, cancellationToken);

        try
        {
            var parsed = await parser.ParseAsync(content, displayName, cancellationToken);
            tasks.Record("resume-analyzer", userId, new { versionId = version.Id, file = displayName }, now, new AgentOutcome(
                $"{parsed.Experience.Count} jobs, {parsed.Education.Count} education entries, {parsed.Skills.Count} skills" + (parsed.Ai is null ? "" : $" ({parsed.Ai.PromptId})"),
                (int)(parsed.Ai?.Usage.InputTokens ?? 0), (int)(parsed.Ai?.Usage.OutputTokens ?? 0)));
            version.Status = ParseStatus.Parsed;
            version.ParsedProfileJson = ProfileJson.Serialize(parsed);
            var row = await profiles.LoadOrCreateAsync(userId, cancellationToken);
            // Facts the candidate typed by hand survive a new upload; parsed facts come from the newest file only.
            var facts = ProfileStore.Facts(row).Where(f => f.VersionId is null).ToList();
            facts.InsertRange(0, FactExtractor.Extract(parsed, version.Id, version.VersionNumber));
            profiles.Save(row, facts);
            row.CurrentVersionId = version.Id;
            row.Headline ??= parsed.Headline?.Value;
            if (parsed.TotalYearsOfExperience > 0) row.YearsOfExperience ??= Math.Round(parsed.TotalYearsOfExperience, 1);
            await skills.AddFromResumeAsync(userId, parsed.Skills.Select(s => s.Name.Value), cancellationToken);
        }
        catch (ResumeImportException ex)
        {
            version.Status = ParseStatus.Failed;
            version.Error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            tasks.Record("resume-analyzer", userId, new { versionId = version.Id, file = displayName }, now, new AgentOutcome(null), version.Error);
        }

        db.Set<ResumeVersion>().Add(version);
        events.Publish(EventTypes.ResumeUploaded, userId, new { versionId = version.Id, version.VersionNumber, status = version.Status.ToString().ToLowerInvariant() });
        audit.Record("profile.resume_uploaded", userId, $"version {version.VersionNumber} ({version.Status})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row points at the file, so nothing could ever read or delete it: remove it with the failed upload.
            File.Delete(options.Value.PathInData(version.StoredPath));
            throw;
        }
        return new UploadOutcome(ResumeVersionView.Of(version), version.Error);
    }

    public async Task<IReadOnlyList<ResumeVersionView>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Set<ResumeVersion>().AsNoTracking().Where(v => v.UserId == userId)
            .OrderByDescending(v => v.VersionNumber).ToListAsync(cancellationToken)).Select(ResumeVersionView.Of).ToList();

    public async Task<ResumeVersionDetail?> GetAsync(string userId, Guid versionId, CancellationToken cancellationToken) =>
        await db.Set<ResumeVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.UserId == userId, cancellationToken)
            is { } v ? new ResumeVersionDetail(ResumeVersionView.Of(v), v.ParsedProfileJson) : null;

    /// <summary>The stored file of a version, or null when it is not this user's or the file is gone.</summary>
    public async Task<(ResumeVersionView Version, string FullPath)?> FileAsync(string userId, Guid versionId, CancellationToken cancellationToken)
    {
        var v = await db.Set<ResumeVersion>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == versionId && x.UserId == userId, cancellationToken);
        if (v is null) return null;
        var path = options.Value.PathInData(v.StoredPath);
        return File.Exists(path) ? (ResumeVersionView.Of(v), path) : null;
    }

    // The path is built from ids only: the uploaded name never reaches the file system.
    private async Task<string> WriteFileAsync(string userId, Guid versionId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!KnownExtensions.Contains(extension)) extension = ".bin";
        var folder = SafeSegment(userId);
        var relative = Path.Combine("resumes", folder, versionId.ToString("N") + extension);
        var full = options.Value.PathInData(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken);
        return relative;
    }

    private static string SafeSegment(string userId) =>
        userId.Length > 0 && userId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? userId
            : Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..32];
}
