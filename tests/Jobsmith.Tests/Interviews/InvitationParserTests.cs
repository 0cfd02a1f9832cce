using Jobsmith.Core.Interviews;

namespace Jobsmith.Tests.Interviews;

/// <summary>G5: date, time, zone, length and place or link read from invitation emails as recruiters write them; nothing invented when the text does not say.</summary>
public sealed class InvitationParserTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 7, 9, 12, 0, TimeSpan.Zero);   // a Monday

    public static TheoryData<string, string?, string?, int?, string?, string?> Invitations => new()
    {
        {
            """
            Hi Priya,

            Thank you for applying to the Senior Backend Engineer role at Lumen. We'd love to invite you to a first interview
            on Tuesday, 15 December 2026 at 10:00 CET. The call will take about 45 minutes.

            Join Zoom Meeting
            https://lumen.zoom.us/j/86512345678?pwd=abcDEF123

            Best regards,
            Anna
            """,
            "2026-12-15 10:00", "Europe/Berlin", 45, null, "https://lumen.zoom.us/j/86512345678?pwd=abcDEF123"
        },
        {
            """
            Hello Priya, could you make Thursday, December 17th at 2:30 PM EST for a 30-minute phone screen with our hiring manager?
            Here is the Google Meet link: https://meet.google.com/xyz-abcd-efg
            """,
            "2026-12-17 14:30", "America/New_York", 30, null, "https://meet.google.com/xyz-abcd-efg"
        },
        {
            """
            Interview details
            Date: 2026-12-18
            Time: 09:30 - 10:30 (Europe/London)
            Location: Northwind Labs, 20 Eastbourne Terrace, London W2 6LG
            Please bring a photo ID.
            """,
            "2026-12-18 09:30", "Europe/London", 60, "Northwind Labs, 20 Eastbourne Terrace, London W2 6LG", null
        },
        {
            """
            We're happy to move you to the technical round! It is scheduled for 12/21/2026 at 11am Pacific Time via Microsoft Teams:
            https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d
            """,
            "2026-12-21 11:00", "America/Los_Angeles", null, null, "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d"
        },
        {
            """
            Dear Ms Raman, we would like to welcome you at our office at Torstraße 109, 10119 Berlin on 16.12.2026 at 14:00.
            Please report to the reception on the 3rd floor.
            """,
            "2026-12-16 14:00", null, null, "Torstraße 109, 10119 Berlin", null
        },
        {
            """
            Are you free on the 8th of January at 3pm (UTC+1)? It would be a one hour conversation with two engineers.
            """,
            "2027-01-08 15:00", "Etc/GMT-1", 60, null, null
        },
        {
            """
            Great news! Sarah would like to speak with you tomorrow at 4.30pm BST. She'll call you on the number on your CV.
            """,
            "2026-12-08 16:30", "Europe/London", null, null, null
        },
        {
            """
            Hi! Let's do a video call Jan 5, 2027, 9:00 a.m. – 10:00 a.m. Central Time.
            Meeting link: https://whereby.com/acme-hiring
            """,
            "2027-01-05 09:00", "America/Chicago", 60, null, "https://whereby.com/acme-hiring"
        },
        {
            """
            Your onsite interview is confirmed for Wednesday 23 Dec at 13h30 (Paris time).
            Address: 8 rue de Londres, 75009 Paris
            """,
            "2026-12-23 13:30", "Europe/Berlin", null, "8 rue de Londres, 75009 Paris", null
        },
        {
            """
            We would like to invite you for an interview on Friday at 11:00 IST. You'll receive a calendar invite shortly.
            """,
            "2026-12-11 11:00", "Asia/Kolkata", null, null, null
        },
    };

    [Theory]
    [MemberData(nameof(Invitations))]
    public void Reads_the_date_time_zone_length_and_place_of_an_invitation(string text, string? start, string? zone, int? minutes, string? location, string? link)
    {
        var parsed = InvitationParser.Parse(text, Received);
        Assert.Equal(start, parsed.LocalStart?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(zone, parsed.TimeZone);
        Assert.Equal(minutes, parsed.DurationMinutes);
        Assert.Equal(location, parsed.Location);
        Assert.Equal(link, parsed.MeetingUrl);
    }

    [Theory]
    [InlineData("Thank you for your application. We will review it and get back to you within 2 weeks.")]
    [InlineData("Unfortunately we have decided not to move forward. We wish you all the best. Unsubscribe: https://mail.example.com/u/123")]
    [InlineData("Please pick a slot that suits you: https://calendly.com/acme/interview")]
    public void Says_nothing_about_a_start_when_the_text_names_no_date_and_time(string text)
    {
        var parsed = InvitationParser.Parse(text, Received);
        Assert.False(parsed.HasStart);
        Assert.Null(parsed.TimeZone);
        Assert.Null(parsed.MeetingUrl);
    }

    [Fact]
    public void A_date_without_a_year_that_has_passed_this_year_is_next_year()
    {
        var parsed = InvitationParser.Parse("Could we meet on March 3 at 10:00 CET?", Received);
        Assert.Equal(new DateTime(2027, 3, 3, 10, 0, 0), parsed.LocalStart);
    }
}
