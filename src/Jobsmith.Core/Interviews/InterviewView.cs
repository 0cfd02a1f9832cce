namespace Jobsmith.Core.Interviews;

/// <summary>An interview as pages, the API and the calendar file see it, with the job it is for.</summary>
public sealed record InterviewView(
    Guid Id, Guid ApplicationId, string Title, string Company, DateTime StartsAt, string TimeZone, DateTime LocalStart, int DurationMinutes,
    string? Location, string? MeetingUrl, string? Notes, string Source, string Status, int Revision, DateTime? DayBeforeSentAt, DateTime? HourBeforeSentAt)
{
    internal static InterviewView Of(Interview i, string title, string company) => new(
        i.Id, i.ApplicationId, title, company, i.StartsAt, i.TimeZone, TimeZones.ToLocal(i.StartsAt, TimeZones.FindOrUtc(i.TimeZone)), i.DurationMinutes,
        i.Location, i.MeetingUrl, i.Notes, i.Source, i.Status, i.Revision, i.DayBeforeSentAt, i.HourBeforeSentAt);

    /// <summary>"Tue 15 Dec 2026, 10:00 (Europe/Berlin)": the employer's wall-clock time, said with its zone.</summary>
    public string When => $"{LocalStart.ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)} ({TimeZone})";
}

/// <summary>What the candidate (or the inbox) says about an interview: the wall-clock start in its time zone and where.</summary>
public sealed record InterviewInput(DateTime LocalStart, string TimeZone, int DurationMinutes = 60, string? Location = null, string? MeetingUrl = null, string? Notes = null);

public enum InterviewOutcome { Done, NotFound, Invalid, NotAllowed, Conflict }

/// <summary>The answer of a use case: the interview, or what was wrong with the input (field → messages), or why not.</summary>
public sealed record InterviewResult(InterviewOutcome Outcome, InterviewView? Interview = null, IReadOnlyDictionary<string, string[]>? Errors = null, string? Error = null);
