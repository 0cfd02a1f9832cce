using System.Globalization;

namespace Jobsmith.Web.Components.Pages.Admin;

/// <summary>How the admin's monitoring pages write numbers and durations (I1): short, and "—" when there is nothing.</summary>
internal static class MonitoringFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Rate(double perHour) => perHour >= 10 ? perHour.ToString("N0", Invariant) : perHour.ToString("0.##", Invariant);

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", Invariant) : "—";

    public static string Usd(decimal value) => value < 0.01m && value > 0 ? "< $0.01" : value.ToString("$#,0.00", Invariant);

    public static string Seconds(double? seconds) => seconds switch
    {
        null => "—",
        < 1 => $"{seconds.Value * 1000:0} ms",
        < 120 => $"{seconds.Value:0.#} s",
        _ => $"{seconds.Value / 60:0.#} min",
    };

    public static string Minutes(double? minutes) => minutes is { } m ? Seconds(m * 60) : "—";

    public static string Window(int hours) => hours switch
    {
        1 => "1 hour",
        24 => "24 hours",
        _ when hours % 24 == 0 => $"{hours / 24} days",
        _ => $"{hours} hours",
    };

    /// <summary>"the last hour", "the last 7 days".</summary>
    public static string Window(DateTime since, DateTime until) => (int)Math.Round((until - since).TotalHours) is var hours && hours == 1 ? "hour" : Window(hours);

    public static string Ago(DateTime at, DateTime now)
    {
        var gone = now - at;
        if (gone < TimeSpan.FromMinutes(1)) return "just now";
        if (gone < TimeSpan.FromHours(1)) return $"{(int)gone.TotalMinutes} min ago";
        if (gone < TimeSpan.FromDays(2)) return $"{(int)gone.TotalHours} h ago";
        return $"{(int)gone.TotalDays} days ago";
    }
}
