using System.Security.Cryptography;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
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
    AgentTaskRecorder tasks, IOptions<JobsmithOptions> options, IOptions<ResumeImportOptions> limits, TimeProvider clock)
{
    // Each upload that loses the race for the next version number tries again; with n uploads at once the last one
    // may lose n-1 times, so this is sized for a burst, not for the usual single upload.
    private const int MaxVersionRaces = 40;

    private static readonly string[] KnownExtensions = [".pdf", ".docx", ".txt", ".md", ".markdown", ".json"];

    public async Task<UploadOutcome> UploadAsync(string userId, byte[] content, string fileName, string? contentType, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var displayName = Path.GetFileName(fileName.Replace('\\', '/'));
        if (displayName.Length > 200) displayName = displayName[^200..];
        var versionId = Guid.CreateVersion7(now);
        var used = StoredBytes(userId);
        if (used + content.LongLength > limits.Value.StorageQuotaBytes)
            throw new StorageQuotaException(used, content.LongLength, limits.Value.StorageQuotaBytes);
        var storedPath = await WriteFileAsync(userId, versionId, displayName, content, cancellationToken);

        // Parsing reads only the file, so it runs once; saving runs again if a parallel upload by the same user took
        // the version number (or created the profile) first, re-reading what that upload wrote.
        ParsedResume? parsed = null;
        string? error = null;
        try
        {
            parsed = await parser.ParseAsync(content, displayName, cancellationToken);
        }
        catch (ResumeImportException ex)
        {
            error = ex.Message.Truncate(1000);
        }

        try
        {
            var version = await UniqueViolation.RetryAsync(db, async _ =>
            {
                var v = await StageAsync(userId, versionId, storedPath, content, displayName, contentType, parsed, error, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return v;
            }, cancellationToken, tries: MaxVersionRaces);
            await DropOlderFailedFilesAsync(userId, version.Id, cancellationToken);
            return new UploadOutcome(ResumeVersionView.Of(version), version.Error);
        }
        catch
        {
            // No row points at the file, so nothing could ever read or delete it: remove it with the failed upload.
            File.Delete(options.Value.PathInData(storedPath));
            throw;
        }
    }

    // Adds the version, the profile's new facts and skills, the task record, event and audit entry to the context.
    private async Task<ResumeVersion> StageAsync(string userId, Guid versionId, string storedPath, byte[] content, string displayName, string? contentType,
        ParsedResume? parsed, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var number = await db.Set<ResumeVersion>().Where(v => v.UserId == userId).MaxAsync(v => (int?)v.VersionNumber, cancellationToken) ?? 0;
        var version = new ResumeVersion
        {
            Id = versionId,
            UserId = userId,
            VersionNumber = number + 1,
            OriginalFileName = displayName,
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Truncate(150),
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = now.UtcDateTime,
            StoredPath = storedPath,
        };
        if (parsed is not null)
        {
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
        else
        {
            version.Status = ParseStatus.Failed;
            version.Error = error;
            tasks.Record("resume-analyzer", userId, new { versionId = version.Id, file = displayName }, now, new AgentOutcome(null), version.Error);
        }

        db.Set<ResumeVersion>().Add(version);
        events.Publish(EventTypes.ResumeUploaded, userId, new { versionId = version.Id, version.VersionNumber, status = version.Status.ToString().ToLowerInvariant() });
        audit.Record("profile.resume_uploaded", userId, $"version {version.VersionNumber} ({version.Status})");
        return version;
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

    // Bytes of this candidate's files on disk: their own folder, so the count is exact whatever rows say.
    private long StoredBytes(string userId)
    {
        var folder = new DirectoryInfo(options.Value.PathInData("resumes", SafeSegment(userId)));
        return folder.Exists ? folder.EnumerateFiles().Sum(f => f.Length) : 0;
    }

    // A file that could not be read is kept with its version so the candidate can see what failed; once a newer upload
    // exists, older unreadable files serve no one and are removed (their versions stay, with the error), so repeated
    // failed uploads do not pile up on disk.
    private async Task DropOlderFailedFilesAsync(string userId, Guid newest, CancellationToken cancellationToken)
    {
        var failed = await db.Set<ResumeVersion>().AsNoTracking()
            .Where(v => v.UserId == userId && v.Status == ParseStatus.Failed && v.Id != newest)
            .Select(v => v.StoredPath).ToListAsync(cancellationToken);
        foreach (var path in failed) File.Delete(options.Value.PathInData(path));
    }

    // The path is built from ids only: the uploaded name never reaches the file system.
    private async Task<string> WriteFileAsync(string userId, Guid versionId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!KnownExtensions.Contains(extension)) extension = ".bin";
        var folder = SafeSegment(userId);
        var relative = Path.Combine("resumes", folder, versionId.ToString("N") + extension);
        var full = options.Value.PathInData(relative);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken);
        return relative;
    }

    private static string SafeSegment(string userId) =>
        userId.Length > 0 && userId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? userId
            : Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..32];
}
