namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>Thresholds for near-duplicate detection, measured on the labelled set in the tests.</summary>
public sealed record DedupeOptions
{
    /// <summary>Max differing SimHash bits for "near-identical text" (of 64).</summary>
    public int MaxSimHashDistance { get; init; } = 10;

    /// <summary>
    /// Min Jaccard similarity of title tokens; keeps "Senior X" and "X", or "AE, Enterprise" and
    /// "AE, Emerging Enterprise" (5/6 = 0.83), at one company apart.
    /// </summary>
    public double MinTitleSimilarity { get; init; } = 0.85;

    /// <summary>Texts shorter than this many characters carry too little signal to call near-identical.</summary>
    public int MinTextLength { get; init; } = 200;
}
