namespace Jobsmith.Core.Interviews;

/// <summary>Validates an <see cref="InterviewInput"/> before it is stored; one message per bad field.</summary>
internal static class InterviewInputCheck
{
    public static Dictionary<string, string[]> Errors(InterviewInput input, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (TimeZones.Find(input.TimeZone) is not { } zone) errors["timeZone"] = ["timeZone must be an IANA time zone such as Europe/Berlin or America/New_York."];
        else
        {
            var utc = TimeZones.ToUtc(input.LocalStart, zone);
            if (utc < now.UtcDateTime.AddYears(-1) || utc > now.UtcDateTime.AddYears(2))
                errors["startsAt"] = ["startsAt must be within a year before and two years after today."];
        }
        if (input.DurationMinutes is < 5 or > 24 * 60) errors["durationMinutes"] = ["durationMinutes must be between 5 and 1440."];
        if (input.Location is { Length: > Interview.MaxLocation }) errors["location"] = [$"location must be at most {Interview.MaxLocation} characters."];
        if (input.Notes is { Length: > Interview.MaxNotes }) errors["notes"] = [$"notes must be at most {Interview.MaxNotes} characters."];
        if (input.MeetingUrl is { Length: > 0 } url && (url.Length > Interview.MaxUrl || !IsWebLink(url)))
            errors["meetingUrl"] = ["meetingUrl must be an http or https link."];
        return errors;
    }

    public static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(link.Host);

    public static string? Clean(string? text) => text?.Trim() is { Length: > 0 } t ? t : null;
}
