namespace Jobsmith.Core.Reports;

/// <summary>
/// Week arithmetic in the candidate's time zone (G4): weeks run Monday 00:00 to Monday 00:00 local time, and the report
/// on a week is due the Monday after at 09:00 local time. Instants are UTC; daylight-saving changes make some weeks
/// 167 or 169 hours long, which is why the bounds are converted and not added.
/// </summary>
public static class ReportWeeks
{
    public static readonly TimeSpan DueAfterWeekEnd = TimeSpan.FromHours(9);

    /// <summary>The Monday of the week holding <paramref name="utc"/> in <paramref name="zone"/>.</summary>
    public static DateOnly WeekOf(DateTime utc, TimeZoneInfo zone)
    {
        var local = DateOnly.FromDateTime(TimeZones.ToLocal(utc, zone));
        return local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
    }

    public static DateTime StartUtc(DateOnly monday, TimeZoneInfo zone) => TimeZones.ToUtc(monday.ToDateTime(TimeOnly.MinValue), zone);

    public static DateTime EndUtc(DateOnly monday, TimeZoneInfo zone) => StartUtc(monday.AddDays(7), zone);

    public static DateTime DueUtc(DateOnly monday, TimeZoneInfo zone) => TimeZones.ToUtc(monday.AddDays(7).ToDateTime(TimeOnly.MinValue).Add(DueAfterWeekEnd), zone);

    /// <summary>The last week whose report is due by <paramref name="utc"/>: last week from Monday 09:00 on, the week before until then.</summary>
    public static DateOnly LastDueWeek(DateTime utc, TimeZoneInfo zone)
    {
        var previous = WeekOf(utc, zone).AddDays(-7);
        return utc >= DueUtc(previous, zone) ? previous : previous.AddDays(-7);
    }
}
