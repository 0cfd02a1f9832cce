using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>Total years worked: the union of all dated job periods, so overlapping jobs are not counted twice.</summary>
internal static class ExperienceYears
{
    public static double Total(IEnumerable<ExperienceEntry> entries, DateTimeOffset now)
    {
        var nowIndex = now.Year * 12 + now.Month - 1;
        var periods = entries
            .Where(e => e.Start is not null)
            .Select(e => (From: e.Start!.Value.MonthIndex, To: e.IsCurrent || e.End is null ? nowIndex : EndIndex(e.End.Value)))
            .Where(p => p.To >= p.From && p.From <= nowIndex)
            .OrderBy(p => p.From)
            .ToList();
        var months = 0;
        var coveredUntil = int.MinValue;
        foreach (var (from, to) in periods)
        {
            var start = Math.Max(from, coveredUntil);
            var end = Math.Min(to, nowIndex);
            if (end > start) months += end - start;
            coveredUntil = Math.Max(coveredUntil, end);
        }
        return Math.Round(months / 12.0, 1);
    }

    // "2014 - 2016" means through the end of 2016; "to March 2016" means through March.
    private static int EndIndex(PartialDate end) => end.Month is null ? end.Year * 12 + 12 : end.MonthIndex + 1;
}
