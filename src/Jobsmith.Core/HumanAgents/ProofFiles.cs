using System.Security.Cryptography;
using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.HumanAgents;

/// <summary>
/// The files around an assignment, all inside the private data folder: the screenshot a channel saved when it stopped,
/// and the proof an agent uploads on completion (F7). Stored names are built from ids; an uploaded name never reaches
/// the file system, and a path from an event is used only if it stays inside the data folder.
/// </summary>
public sealed class ProofFiles(IOptions<JobsmithOptions> options)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".webp"] = "image/webp",
        [".pdf"] = "application/pdf", [".txt"] = "text/plain", [".eml"] = "message/rfc822",
    };

    /// <summary>Why an upload is refused, or null when it is fine.</summary>
    public static string? Check(string fileName, long length)
    {
        if (length <= 0) return "The proof file is empty.";
        if (length > MaxBytes) return $"The proof file is {length / 1048576.0:0.0} MB; the limit is {MaxBytes / 1048576} MB.";
        return ContentTypes.ContainsKey(Extension(fileName)) ? null : $"Proof can be {string.Join(", ", ContentTypes.Keys)}.";
    }

    public static string ContentTypeOf(string path) => ContentTypes.GetValueOrDefault(Extension(path), "application/octet-stream");

    /// <summary>The relative path if it names an existing file inside the data folder, else null.</summary>
    public string? ExistingScreenshot(string? relative) => FullPath(relative) is not null ? relative!.Replace('\\', '/') : null;

    public string? FullPath(string? relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative)) return null;
        var root = Path.GetFullPath(options.Value.FullDataDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    public async Task<(string Relative, string Sha256)> SaveProofAsync(Guid assignmentId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        // A fresh name per upload: a losing concurrent completion deletes only its own file.
        var relative = Path.Combine("human-agents", "proof", $"{assignmentId:N}-{Guid.NewGuid():N}{Extension(fileName)}");
        var full = options.Value.PathInData(relative);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, cancellationToken);
        return (relative, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public void Delete(string relative) => File.Delete(options.Value.PathInData(relative));

    private static string Extension(string fileName) => Path.GetExtension(fileName.Replace('\\', '/')).ToLowerInvariant();
}
