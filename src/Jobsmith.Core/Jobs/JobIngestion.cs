using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Jobs;

/// <summary>
/// The entry point for hosts (CLI `jobs import`, scheduled searches): run a source on a URL, a payload,
/// a file or a folder of files, log every rejected posting with its reason, and group duplicates.
/// Persistence is the caller's: it decides what is added or updated.
/// </summary>
public sealed class JobIngestion(JobSourceCatalog catalog, DuplicateDetector duplicates, FetcherOptions limits, ILogger<JobIngestion> logger)
{
    public async Task<IngestionResult> FetchAsync(string kind, JobSourceQuery query, CancellationToken cancellationToken)
    {
        var source = catalog.Get(kind);
        return Finish(await source.FetchAsync(query, cancellationToken));
    }

    public IngestionResult ImportPayload(string kind, string payload, Uri? origin) => Finish(catalog.Get(kind).Parse(payload, origin));

    /// <summary>A file, or every file of the source's file types directly inside a folder (sorted by name), parsed by one source.</summary>
    public async Task<IngestionResult> ImportPathAsync(string kind, string path, CancellationToken cancellationToken)
    {
        var source = catalog.Get(kind);
        var extensions = source.Descriptor.FileExtensions;
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path).Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path]
            : throw new ArgumentException($"no such file or folder: {path}");
        var batches = new List<SourceBatch>();
        foreach (var file in files)
        {
            var size = new FileInfo(file).Length;
            if (size > limits.MaxResponseBytes)
            {
                batches.Add(SourceBatch.Failed(kind, $"file is {size} bytes, over the {limits.MaxResponseBytes}-byte limit", file));
                continue;
            }
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            batches.Add(source.Parse(text, new Uri(Path.GetFullPath(file))));
        }
        return Finish(SourceBatch.Combine(kind, batches));
    }

    private IngestionResult Finish(SourceBatch batch)
    {
        foreach (var error in batch.Errors)
            logger.LogWarning("Rejected from {Source} {Locator}: {Reason}", error.SourceKind, error.Locator ?? "(whole response)", error.Reason);
        var groups = duplicates.Group(batch.Postings);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("{Source}: {Fetched} fetched, {Accepted} accepted, {Rejected} rejected, {Duplicates} duplicates",
            batch.SourceKind, batch.Fetched, batch.Postings.Count, batch.Errors.Count, groups.Sum(g => g.Duplicates.Count));
        return new IngestionResult(batch, groups);
    }
}

/// <summary>The postings and errors of a run, and the duplicate groups among its postings (singletons included).</summary>
public sealed record IngestionResult(SourceBatch Batch, IReadOnlyList<DuplicateGroup> Groups)
{
    public IEnumerable<DuplicateGroup> DuplicateGroups => Groups.Where(g => g.Duplicates.Count > 0);
}
