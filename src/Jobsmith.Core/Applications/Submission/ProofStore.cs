using System.Security.Cryptography;
using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>A proof file as the application page lists it.</summary>
public sealed record ProofView(Guid Id, Guid AttemptId, string Kind, string FileName, string ContentType, string Sha256, long Size, string? Note, DateTime CreatedAt);

/// <summary>
/// F7: keeps each attempt's screenshots and sent messages under the data folder (named by ids the store chose, never by
/// input), with their hashes, and reads them back only for the candidate whose application they belong to.
/// </summary>
public sealed class ProofStore(AppDbContext db, IOptions<SubmissionOptions> options, IOptions<JobsmithOptions> jobsmith, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = ".png", ["image/jpeg"] = ".jpg", ["image/webp"] = ".webp", ["message/rfc822"] = ".eml", ["text/plain"] = ".txt", ["application/pdf"] = ".pdf", ["text/html"] = ".html",
    };

    private string Root => jobsmith.Value.PathInData(options.Value.ProofFolder);

    /// <summary>Writes the files and stages their rows; the caller's SaveChanges commits them with the attempt.</summary>
    public async Task<IReadOnlyList<SubmissionProof>> KeepAsync(SubmissionAttempt attempt, IReadOnlyList<ProofItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var kept = new List<SubmissionProof>();
        var folder = Path.Combine(Root, attempt.ApplicationId.ToString("N"));
        Directory.CreateDirectory(folder);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var relative = Path.Combine(attempt.ApplicationId.ToString("N"), $"{attempt.Id:N}-{i + 1}{Extensions.GetValueOrDefault(item.ContentType, ".bin")}");
            var path = Path.Combine(Root, relative);
            await File.WriteAllBytesAsync(path + ".tmp", item.Content, cancellationToken);
            File.Move(path + ".tmp", path, overwrite: true);
            var proof = new SubmissionProof
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), AttemptId = attempt.Id, ApplicationId = attempt.ApplicationId, Kind = item.Kind.Truncate(30),
                FileName = Path.GetFileName(item.FileName).Truncate(200), ContentType = item.ContentType.Truncate(100),
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(item.Content)), Size = item.Content.LongLength, StoredPath = relative,
                Note = item.Note.Truncate(JobApplication.MaxDetails), CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(proof);
            kept.Add(proof);
        }
        return kept;
    }

    public static ProofView View(SubmissionProof p) => new(p.Id, p.AttemptId, p.Kind, p.FileName, p.ContentType, p.Sha256, p.Size, p.Note, p.CreatedAt);

    public async Task<IReadOnlyList<ProofView>> ListAsync(string userId, Guid applicationId, CancellationToken cancellationToken) =>
        await db.Set<SubmissionProof>().AsNoTracking()
            .Where(p => p.ApplicationId == applicationId && db.Set<JobApplication>().Any(a => a.Id == applicationId && a.UserId == userId))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new ProofView(p.Id, p.AttemptId, p.Kind, p.FileName, p.ContentType, p.Sha256, p.Size, p.Note, p.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The bytes of one proof file of the candidate's own application; null when it is not theirs or is gone.</summary>
    public async Task<(ProofView View, byte[] Content)?> ReadAsync(string userId, Guid applicationId, Guid proofId, CancellationToken cancellationToken)
    {
        var proof = await db.Set<SubmissionProof>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == proofId && p.ApplicationId == applicationId
                                      && db.Set<JobApplication>().Any(a => a.Id == applicationId && a.UserId == userId), cancellationToken);
        if (proof is null) return null;
        var path = Path.Combine(Root, proof.StoredPath);
        if (!File.Exists(path)) return null;
        return (View(proof), await File.ReadAllBytesAsync(path, cancellationToken));
    }
}
