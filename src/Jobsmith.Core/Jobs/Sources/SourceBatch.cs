namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// The result of one fetch or parse. <see cref="Fetched"/> counts records seen (good or bad);
/// a response-level failure (unreachable, refused, not JSON) is one error with no <see cref="IngestError.Locator"/>.
/// </summary>
public sealed record SourceBatch(string SourceKind, int Fetched, IReadOnlyList<JobPosting> Postings, IReadOnlyList<IngestError> Errors)
{
    public static SourceBatch Failed(string sourceKind, string reason, string? where = null) =>
        new(sourceKind, 0, [], [new IngestError(sourceKind, null, where is null ? reason : $"{where}: {reason}")]);

    public static SourceBatch Combine(string sourceKind, IEnumerable<SourceBatch> batches)
    {
        var list = batches.ToList();
        return new(sourceKind, list.Sum(b => b.Fetched), list.SelectMany(b => b.Postings).ToList(), list.SelectMany(b => b.Errors).ToList());
    }
}

/// <param name="Locator">Which posting failed (id, index or row), or null when the whole response failed.</param>
public sealed record IngestError(string SourceKind, string? Locator, string Reason)
{
    public override string ToString() => Locator is null ? $"{SourceKind}: {Reason}" : $"{SourceKind} [{Locator}]: {Reason}";
}
