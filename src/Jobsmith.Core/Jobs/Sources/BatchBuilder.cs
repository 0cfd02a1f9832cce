using System.Text.Json;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Collects postings and per-posting errors while a source walks its records.</summary>
internal sealed class BatchBuilder(string sourceKind)
{
    private readonly List<JobPosting> _postings = [];
    private readonly List<IngestError> _errors = [];
    private int _fetched;

    public void Add(string locator, Func<PostingDraft> read)
    {
        _fetched++;
        try
        {
            _postings.Add(JobPostingNormalizer.Normalize(read()));
        }
        catch (Exception ex) when (ex is PostingFormatException or FormatException or InvalidOperationException or JsonException or OverflowException or KeyNotFoundException or ArgumentException)
        {
            _errors.Add(new IngestError(sourceKind, locator, ex.Message));
        }
    }

    public void Error(string? locator, string reason) => _errors.Add(new IngestError(sourceKind, locator, reason));

    public SourceBatch Build() => new(sourceKind, _fetched, _postings, _errors);
}
