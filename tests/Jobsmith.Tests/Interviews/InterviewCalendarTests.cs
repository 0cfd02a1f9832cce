using Jobsmith.Core;
using Jobsmith.Core.Interviews;

namespace Jobsmith.Tests.Interviews;

/// <summary>G5: the .ics file read back by Ical.Net gives the same instant, in the interview's own zone, across daylight saving.</summary>
public sealed class InterviewCalendarTests
{
    [Theory]
    [InlineData("Europe/Berlin", 2026, 12, 15, 10, 0, "2026-12-15T09:00:00Z")]     // CET, UTC+1
    [InlineData("Europe/Berlin", 2027, 7, 1, 10, 0, "2027-07-01T08:00:00Z")]       // CEST, UTC+2
    [InlineData("America/New_York", 2027, 3, 15, 9, 30, "2027-03-15T13:30:00Z")]   // the day after the US switch: EDT, UTC-4
    [InlineData("Asia/Kolkata", 2027, 1, 4, 16, 0, "2027-01-04T10:30:00Z")]
    [InlineData("UTC", 2027, 1, 4, 16, 0, "2027-01-04T16:00:00Z")]
    public void The_calendar_file_round_trips_through_IcalNet_to_the_same_UTC_instant(string zone, int y, int mo, int d, int h, int mi, string expectedUtc)
    {
        var startsAt = TimeZones.ToUtc(new DateTime(y, mo, d, h, mi, 0), TimeZones.Find(zone)!);
        var view = View(startsAt, zone, "scheduled", 3);

        var text = InterviewCalendar.Build(view, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var calendar = Ical.Net.Calendar.Load(text)!;
        var e = calendar.Events.Single();

        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), e.DtStart!.AsUtc);
        Assert.Equal(zone, e.DtStart.TzId);
        Assert.Equal(TimeSpan.FromMinutes(45), e.Duration!.Value.ToTimeSpanUnspecified());
        Assert.Equal($"interview-{view.Id:N}@jobsmith", e.Uid);
        Assert.Equal(3, e.Sequence);
        Assert.Equal("Interview: Backend Engineer at Acme", e.Summary);
        Assert.Equal(new Uri("https://meet.google.com/abc-defg-hij"), e.Url);
        if (zone != "UTC") Assert.Equal(zone, calendar.TimeZones.Single().TzId);
        Assert.Equal("PUBLISH", calendar.Method);
    }

    [Fact]
    public void A_cancelled_interview_is_a_cancel_of_the_same_event_with_a_higher_sequence()
    {
        var startsAt = new DateTime(2027, 1, 4, 15, 0, 0, DateTimeKind.Utc);
        var scheduled = Ical.Net.Calendar.Load(InterviewCalendar.Build(View(startsAt, "Europe/Berlin", "scheduled", 1), default))!;
        var cancelled = Ical.Net.Calendar.Load(InterviewCalendar.Build(View(startsAt, "Europe/Berlin", "cancelled", 2), default))!;
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal("CANCELLED", cancelled.Events.Single().Status);
        Assert.Equal(scheduled.Events.Single().Uid, cancelled.Events.Single().Uid);
        Assert.True(cancelled.Events.Single().Sequence > scheduled.Events.Single().Sequence);
    }

    [Fact]
    public void Text_from_the_employer_cannot_add_lines_or_properties_to_the_file()
    {
        var view = View(new DateTime(2027, 1, 4, 15, 0, 0, DateTimeKind.Utc), "UTC", "scheduled", 1) with
        {
            Company = "Evil\r\nATTENDEE:mailto:x@example.com", Location = "Room 1\nEND:VEVENT", Notes = "Bring ID;\nBEGIN:VALARM",
        };
        var calendar = Ical.Net.Calendar.Load(InterviewCalendar.Build(view, default))!;
        var e = calendar.Events.Single();
        Assert.Empty(e.Attendees);
        Assert.Empty(e.Alarms);
        Assert.Equal("Room 1\nEND:VEVENT", e.Location);
    }

    private static InterviewView View(DateTime startsAt, string zone, string status, int revision) => new(
        Guid.Parse("0193a000-0000-7000-8000-000000000001"), Guid.NewGuid(), "Backend Engineer", "Acme", startsAt, zone,
        TimeZones.ToLocal(startsAt, TimeZones.Find(zone)!), 45, null, "https://meet.google.com/abc-defg-hij", null, "manual", status, revision, null, null);
}
