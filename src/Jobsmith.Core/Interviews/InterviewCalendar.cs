using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Jobsmith.Core.Interviews;

/// <summary>
/// The interview as an iCalendar file (G5, RFC 5545) built with Ical.Net: the start in the interview's own time zone
/// with its VTIMEZONE rules (so a calendar in another zone shows the right instant), a stable UID per interview and a
/// SEQUENCE that grows with each change (so an imported event is updated, not duplicated), and a cancelled interview
/// as METHOD:CANCEL. The alarms are a calendar's own; Jobsmith's reminders are sent separately.
/// </summary>
public static class InterviewCalendar
{
    public const string ContentType = "text/calendar";

    public static string Build(InterviewView interview, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var zone = TimeZones.FindOrUtc(interview.TimeZone);
        var zoneId = zone.HasIanaId ? zone.Id : "UTC";
        var local = TimeZones.ToLocal(interview.StartsAt, zone);
        var cancelled = interview.Status == InterviewStatuses.Cancelled;

        var calendar = new Calendar { ProductId = "-//Jobsmith//Interviews//EN", Method = cancelled ? "CANCEL" : "PUBLISH" };
        if (zoneId != "UTC") calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, local, includeHistoricalData: false));
        var start = zoneId == "UTC" ? new CalDateTime(DateTime.SpecifyKind(interview.StartsAt, DateTimeKind.Utc), "UTC") : new CalDateTime(local, zoneId);
        var calendarEvent = new CalendarEvent
        {
            Uid = $"interview-{interview.Id:N}@jobsmith",
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            DtStart = start,
            Duration = Duration.FromMinutes(Math.Max(1, interview.DurationMinutes)),
            Summary = OneLine($"Interview: {interview.Title} at {interview.Company}"),
            Location = interview.Location ?? interview.MeetingUrl,
            Description = Description(interview),
            Sequence = interview.Revision,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (interview.MeetingUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link)) calendarEvent.Url = link;
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static string FileName(InterviewView interview) =>
        $"interview-{Slug(interview.Company)}-{interview.StartsAt:yyyyMMdd}.ics";

    private static string Description(InterviewView interview)
    {
        var lines = new List<string> { $"{interview.Title} at {interview.Company}." };
        if (interview.MeetingUrl is { } url) lines.Add($"Join: {url}");
        if (interview.Location is { } place) lines.Add($"Where: {place}");
        if (interview.Notes is { } notes) lines.Add(notes);
        return string.Join("\n", lines);
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    private static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Length == 0 ? "employer" : slug[..Math.Min(40, slug.Length)];
    }
}
