namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// One place jobs come from. <see cref="FetchAsync"/> reads the live source through the safe fetcher;
/// <see cref="Parse"/> reads a payload already in hand (an imported file, a recorded response).
/// Both report bad postings in <see cref="SourceBatch.Errors"/> instead of throwing, so one bad posting
/// never aborts a run.
/// </summary>
public interface IJobSource
{
    SourceDescriptor Descriptor { get; }

    Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken);

    SourceBatch Parse(string payload, Uri? origin);
}
