using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;

namespace Jobsmith.Core.Jobs.Import;

/// <summary>
/// Adding postings by hand from the web UI (C1 "paste a URL or a description", file import): the same ingestion and
/// store as <c>jobsmith jobs import</c>, so the page and the CLI accept and reject the same things.
/// </summary>
public sealed class PostingImport(JobIngestion ingestion, JobIngestionStore store)
{
    /// <summary>Pasted text and uploaded files are capped like a fetched response.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>A posting page's URL, fetched through the SSRF-safe fetcher; or a pasted description.</summary>
    public async Task<ImportSummary> FromUrlOrTextAsync(string urlOrText, CancellationToken cancellationToken)
    {
        var input = urlOrText.Trim();
        if (input.Length == 0) throw new ArgumentException("Paste a posting's address or its text.");
        var result = await ingestion.FetchAsync(PasteSource.Kind, new JobSourceQuery(input), cancellationToken);
        return await store.SaveAsync(result, cancellationToken);
    }

    /// <summary>An uploaded file of postings; the format comes from <paramref name="kind"/> or, when empty, from the file.</summary>
    public async Task<ImportSummary> FromFileAsync(string fileName, string content, string? kind, CancellationToken cancellationToken)
    {
        var format = string.IsNullOrWhiteSpace(kind) ? PostingFileFormat.Detect(fileName, content) : kind.Trim().ToLowerInvariant();
        if (format is null)
            throw new ArgumentException("Could not tell the file's format: choose it in the list (CSV, JSON Resume jobs, Ashby, Greenhouse, Lever, RSS).");
        var result = ingestion.ImportPayload(format, content, null);
        return await store.SaveAsync(result, cancellationToken);
    }
}
