namespace Jobsmith.Core.Monitoring;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile; null for no values.</summary>
    public static double? Of(double[] values, double quantile)
    {
        if (values.Length == 0) return null;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
