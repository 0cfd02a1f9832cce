using Jobsmith.Core.Jobs.Fetching;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Fetch-then-parse for sources, turning fetch failures and missing settings into a failed batch.</summary>
internal static class SourceFetch
{
    public static async Task<SourceBatch> FetchAndParseAsync(SafeHttpFetcher fetcher, IJobSource source, Func<FetchRequest> request, CancellationToken cancellationToken)
    {
        var kind = source.Descriptor.Kind;
        FetchRequest built;
        try
        {
            built = request();
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            return SourceBatch.Failed(kind, ex.Message);
        }
        try
        {
            var response = await fetcher.FetchAsync(built, cancellationToken);
            return source.Parse(response.Body, response.FinalUrl);
        }
        catch (FetchException ex)
        {
            return SourceBatch.Failed(kind, ex.Message, built.Url.ToString());
        }
    }

    /// <summary>
    /// Fetches numbered pages (from 1) until a page holds fewer than <paramref name="fullPage"/> postings or the
    /// query's page limit is reached; a failed page ends the walk and its error stays in the combined batch.
    /// </summary>
    public static async Task<SourceBatch> FetchPagesAsync(SafeHttpFetcher fetcher, IJobSource source, JobSourceQuery query, int fullPage,
        Func<int, FetchRequest> request, CancellationToken cancellationToken)
    {
        var pages = new List<SourceBatch>();
        for (var page = 1; page <= Math.Max(1, query.MaxPages); page++)
        {
            var number = page;
            var batch = await FetchAndParseAsync(fetcher, source, () => request(number), cancellationToken);
            pages.Add(batch);
            if (batch.Fetched < fullPage) break;
        }
        return SourceBatch.Combine(source.Descriptor.Kind, pages);
    }

    /// <summary>Board tokens go into URL paths; anything but a plain slug is refused rather than escaped into a path.</summary>
    public static string Slug(string target, string what)
    {
        var t = target.Trim();
        if (t.Length == 0 || t.Length > 100 || !t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException($"'{target}' is not a valid {what} (letters, digits, '-', '_' or '.')");
        return t;
    }

    public static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    public static SourceDescriptor Descriptor(string kind, string flag, bool enabledByDefault, SourceRateLimit limit) =>
        new(kind, flag, enabledByDefault, limit);
}
