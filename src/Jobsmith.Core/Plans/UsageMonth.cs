using System.Globalization;

namespace Jobsmith.Core.Plans;

/// <summary>Usage is counted per calendar month in UTC, whatever the billing period or the candidate's time zone.</summary>
public static class UsageMonth
{
    public static DateTime Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
    }

    public static DateTime Next(DateTimeOffset instant) => Of(instant).AddMonths(1);

    public static string Label(DateTime month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateTime day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
