using System.Globalization;
using System.Text.RegularExpressions;

namespace Jobsmith.Core.Interviews;

/// <summary>What an invitation says about the interview; each part is null when the text does not say it.</summary>
public sealed record ParsedInvitation(DateTime? LocalStart, string? TimeZone, int? DurationMinutes, string? Location, string? MeetingUrl)
{
    /// <summary>A date and a time were both found: enough to schedule, in <see cref="TimeZone"/> or the candidate's own.</summary>
    public bool HasStart => LocalStart is not null;
}

/// <summary>
/// Reads the interview's date, time, time zone, length and place or video link from an invitation email's text (G5),
/// for the inbox to schedule it and the candidate to check. Only what the text says is returned: no date without a
/// time, no guessed zone. Dates without a year take the next such date on or after the email's date (a week of
/// slack for a late read). Numeric dates with slashes are read month-first only when the text uses American zones.
/// </summary>
public static partial class InvitationParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static ParsedInvitation Parse(string text, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Quoted earlier mails and signatures repeat other dates; the invitation itself comes first.
        var body = text.Length > 20_000 ? text[..20_000] : text;
        body = body.Replace('\u00a0', ' ').Replace('\u202f', ' ');

        var zone = InvitationTimeZones.Find(body);
        var usStyle = zone?.Zone.StartsWith("America/", StringComparison.Ordinal) == true;
        var date = FindDate(body, received.UtcDateTime.Date, usStyle);
        var time = date is { } d ? FindTime(body, d.End) : FindTime(body, 0);
        DateTime? start = date is { } day && time is { } t ? day.Date.Add(t.Start) : null;
        // A zone written right after the time wins over one mentioned elsewhere ("All times CET" beats a footer's "PT").
        var zoneNearTime = time is { } near ? InvitationTimeZones.Find(body.Substring(near.End, Math.Min(60, body.Length - near.End))) : null;
        var zoneId = (zoneNearTime is { Index: < 30 } z ? z.Zone : zone?.Zone);

        var (location, link) = Place(body);
        return new ParsedInvitation(start, start is null ? null : zoneId, time?.Duration, location, link);
    }

    private static (DateTime Date, int End)? FindDate(string text, DateTime today, bool usStyle)
    {
        var candidates = new List<(DateTime Date, int Index, int End)>();
        foreach (Match m in IsoDate().Matches(text))
            Add(candidates, Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3]), m);
        foreach (Match m in DayMonthName().Matches(text))
            AddInferred(candidates, today, Month(m.Groups[2].Value), Int(m.Groups[1]), m.Groups[3], m);
        foreach (Match m in MonthNameDay().Matches(text))
            AddInferred(candidates, today, Month(m.Groups[1].Value), Int(m.Groups[2]), m.Groups[3], m);
        foreach (Match m in DottedDate().Matches(text))
            Add(candidates, Year(Int(m.Groups[3])), Int(m.Groups[2]), Int(m.Groups[1]), m);
        foreach (Match m in SlashDate().Matches(text))
        {
            var (a, b, year) = (Int(m.Groups[1]), Int(m.Groups[2]), Year(Int(m.Groups[3])));
            var monthFirst = a <= 12 && (b > 12 || usStyle);
            Add(candidates, year, monthFirst ? a : b, monthFirst ? b : a, m);
        }
        foreach (Match m in Tomorrow().Matches(text))
            candidates.Add((today.AddDays(1), m.Index, m.Index + m.Length));
        if (candidates.Count == 0)
            foreach (Match m in Weekday().Matches(text))
            {
                // "on Thursday": the next Thursday after the email was sent.
                var day = Enum.Parse<DayOfWeek>(m.Groups[1].Value, ignoreCase: true);
                var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
                candidates.Add((today.AddDays(ahead == 0 ? 7 : ahead), m.Index, m.Index + m.Length));
                break;
            }
        return candidates.Count == 0 ? null : candidates.OrderBy(c => c.Index).Select(c => ((DateTime, int)?)(c.Date, c.End)).First();
    }

    private static void Add(List<(DateTime, int, int)> into, int year, int month, int day, Match m)
    {
        if (month is < 1 or > 12 || day < 1 || year is < 2000 or > 2100 || day > DateTime.DaysInMonth(year, month)) return;
        into.Add((new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified), m.Index, m.Index + m.Length));
    }

    private static void AddInferred(List<(DateTime, int, int)> into, DateTime today, int month, int day, Group year, Match m)
    {
        if (year.Success) { Add(into, Int(year), month, day, m); return; }
        if (month < 1 || day < 1 || day > DateTime.DaysInMonth(today.Year + 1, month)) return;
        var candidate = day <= DateTime.DaysInMonth(today.Year, month) ? new DateTime(today.Year, month, day) : today.AddYears(1);
        Add(into, candidate < today.AddDays(-7) ? today.Year + 1 : today.Year, month, day, m);
    }

    private static (TimeSpan Start, int End, int? Duration)? FindTime(string text, int after)
    {
        var found = new List<(TimeSpan Start, int Index, int End, int? Duration)>();
        foreach (Match m in TimeRange().Matches(text))
            if (Clock(m.Groups["h1"], m.Groups["m1"], m.Groups["ap1"].Success ? m.Groups["ap1"] : m.Groups["ap2"]) is { } from
                && Clock(m.Groups["h2"], m.Groups["m2"], m.Groups["ap2"]) is { } to)
            {
                var minutes = (int)(to - from).TotalMinutes;
                found.Add((from, m.Index, m.Index + m.Length, minutes is > 0 and <= 600 ? minutes : null));
            }
        foreach (Match m in TimeOfDay().Matches(text))
            if (Clock(m.Groups["h"], m.Groups["m"], m.Groups["ap"]) is { } at && !found.Any(f => m.Index >= f.Index && m.Index < f.End))
                found.Add((at, m.Index, m.Index + m.Length, null));
        if (Noon().Match(text) is { Success: true } noon) found.Add((TimeSpan.FromHours(12), noon.Index, noon.Index + noon.Length, null));
        if (found.Count == 0) return null;
        // The time that follows the date belongs to it; a time before it ("at 10:00 on Monday") when none follows.
        var pick = found.Where(f => f.Index >= after).OrderBy(f => f.Index).FirstOrDefault();
        if (pick == default) pick = found.OrderByDescending(f => f.Index).First();
        return (pick.Start, pick.End, pick.Duration ?? Duration(text));
    }

    private static TimeSpan? Clock(Group hour, Group minute, Group ampm)
    {
        if (!hour.Success) return null;
        var h = Int(hour);
        var m = minute.Success ? Int(minute) : 0;
        if (m > 59) return null;
        if (ampm.Success)
        {
            if (h is < 1 or > 12) return null;
            var pm = ampm.Value.StartsWith('p') || ampm.Value.StartsWith('P');
            h = h % 12 + (pm ? 12 : 0);
        }
        else if (!minute.Success || h > 23) return null;    // a bare "3" is not a time
        return new TimeSpan(h, m, 0);
    }

    private static int? Duration(string text)
    {
        if (HalfHour().IsMatch(text)) return 30;
        if (DurationText().Match(text) is not { Success: true } m) return null;
        var n = m.Groups["n"].Value.ToLowerInvariant() switch { "a" or "an" or "one" => 1, "two" => 2, var digits => int.Parse(digits, CultureInfo.InvariantCulture) };
        var minutes = m.Groups["unit"].Value.StartsWith('h') ? n * 60 : n;
        return minutes is > 0 and <= 600 ? minutes : null;
    }

    private static (string? Location, string? Link) Place(string text)
    {
        string? link = null;
        foreach (Match m in Url().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ')', '>', ']');
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !InterviewInputCheck.IsWebLink(url)) continue;
            if (MeetingHost().IsMatch(uri.Host)) { link = url; break; }
            // Another link counts when the text calls it the meeting or the call link.
            var before = text[Math.Max(0, m.Index - 40)..m.Index];
            if (link is null && LinkLabel().IsMatch(before)) link = url;
        }

        string? location = null;
        if (LocationLine().Match(text) is { Success: true } line)
        {
            var value = line.Groups[1].Value.Trim().TrimEnd('.');
            if (!Url().IsMatch(value) && !VideoWords().IsMatch(value)) location = value;
        }
        else if (OfficePhrase().Match(text) is { Success: true } office)
            location = office.Groups[1].Value.Trim().TrimEnd('.', ',');
        if (location is { Length: > Interview.MaxLocation }) location = location[..Interview.MaxLocation];
        return (location, link);
    }

    private static int Month(string name) => Array.IndexOf(Months, name[..3].ToLowerInvariant()) + 1;
    private static int Year(int year) => year < 100 ? 2000 + year : year;
    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private const string MonthNames = @"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(@"\b(20\d{2})-(\d{2})-(\d{2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + MonthNames + @"\.?,?(?:\s+(20\d{2}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(MonthNames + @"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(20\d{2})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"\b(\d{1,2})\.(\d{1,2})\.(20\d{2}|\d{2})\b")]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"\b(\d{1,2})/(\d{1,2})/(20\d{2}|\d{2})\b")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\btomorrow\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(?:on|this|next)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    private const string Ampm = @"(?:a\.?m\.?|p\.?m\.?)(?![a-z])";

    [GeneratedRegex(@"(?<![\d:./])(?<h1>\d{1,2})(?:[:h.](?<m1>\d{2}))?\s*(?<ap1>" + Ampm + @")?\s*(?:-|–|—|to|until)\s*(?<h2>\d{1,2})(?:[:h.](?<m2>\d{2}))?\s*(?<ap2>" + Ampm + @")?(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"(?<![\d:./-])(?<h>\d{1,2})(?:(?::|h)(?<m>\d{2})|\.(?<m>\d{2})(?=\s*" + Ampm + @"))?\s*(?<ap>" + Ampm + @")?(?![\d/.:]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\b(?:at\s+)?noon\b", RegexOptions.IgnoreCase)]
    private static partial Regex Noon();

    // "45 minutes", "a 30-minute call", "one hour conversation"; the unit must be followed by what lasts that long or "long".
    [GeneratedRegex(@"\b(?<n>\d{1,3}|an?|one|two)[\s-]*(?<unit>min(?:ute)?s?|hours?|hrs?)\b(?:\s+(?:long|interview|call|conversation|session|chat|video|screen|meeting))?", RegexOptions.IgnoreCase)]
    private static partial Regex DurationText();

    [GeneratedRegex(@"\bhalf an hour\b|\bhalf-hour\b", RegexOptions.IgnoreCase)]
    private static partial Regex HalfHour();

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(^|\.)(zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com|meet\.jit\.si|bluejeans\.com|chime\.aws|gotomeeting\.com|around\.co|meet\.around\.co)$", RegexOptions.IgnoreCase)]
    private static partial Regex MeetingHost();

    [GeneratedRegex(@"(link|join|video|call|meeting|zoom|teams|meet)[^.\n]{0,30}[:\s]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkLabel();

    [GeneratedRegex(@"^\s*(?:location|address|venue|where|place|office)\s*:\s*(.{3,300})$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex LocationLine();

    [GeneratedRegex(@"\b(video|zoom|teams|google meet|online|remote|phone|call)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VideoWords();

    [GeneratedRegex(@"\b(?:at|visit)\s+(?:our|the)\s+(?:office|offices|headquarters|HQ|studio|campus)\s+(?:at|in|on)\s+([^\n;]{3,200}?)(?=\s+(?:on|at|from|this|next|tomorrow)\b|[.;]\s|[.;]?$|\n)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex OfficePhrase();
}
