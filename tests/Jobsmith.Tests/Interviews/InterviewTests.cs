using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Interviews;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Jobsmith.Tests.Interviews;

/// <summary>G5 on both databases: scheduling moves the application and tells the candidate with a calendar file; reminders go out once each, across restarts and racing workers; other candidates see nothing.</summary>
public sealed class InterviewTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scheduling_moves_the_application_to_interview_and_emails_the_calendar_file_at_once(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, Start);
        var (priya, postings) = await harness.CandidateAsync("priya@example.com");
        var application = await harness.AppliedAsync(priya, postings[0], Start.AddDays(-3));

        // 15 Dec 2026 10:00 in Berlin is 09:00 UTC (CET, UTC+1).
        var result = await Schedule(harness, priya, application, new InterviewInput(new DateTime(2026, 12, 15, 10, 0, 0), "Europe/Berlin", 45, null, "https://zoom.us/j/123456789"));
        Assert.Equal(InterviewOutcome.Done, result.Outcome);
        Assert.Equal(new DateTime(2026, 12, 15, 9, 0, 0, DateTimeKind.Utc), result.Interview!.StartsAt);
        Assert.Equal("Tue 15 Dec 2026, 10:00 (Europe/Berlin)", result.Interview.When);

        var (state, notices) = await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return ((await db.Set<JobApplication>().SingleAsync(a => a.Id == application)).State,
                await db.Set<Notification>().Where(n => n.UserId == priya && n.Type == "interview").Select(n => n.Title).ToListAsync());
        });
        Assert.Equal("interview", state);
        Assert.Single(notices);

        var outbox = await harness.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<OutboxEmailTransport>().Folder));
        var mail = await MimeMessage.LoadAsync(Directory.GetFiles(outbox, "*.eml").Single());
        Assert.Equal("priya@example.com", mail.To.Mailboxes.Single().Address);
        var ics = mail.Attachments.OfType<MimePart>().Single(p => p.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true);
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal(new DateTime(2026, 12, 15, 9, 0, 0, DateTimeKind.Utc), calendar.Events.Single().DtStart!.AsUtc);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_reminder_goes_out_once_even_after_a_restart_and_with_workers_racing(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, Start);
        var (priya, postings) = await harness.CandidateAsync("priya@example.com");
        var application = await harness.AppliedAsync(priya, postings[0], Start.AddDays(-3));
        var at = new DateTime(2026, 12, 9, 14, 0, 0);    // Wednesday 14:00 New York = 19:00 UTC
        var interview = (await Schedule(harness, priya, application, new InterviewInput(at, "America/New_York"))).Interview!;
        Assert.Equal(new DateTime(2026, 12, 9, 19, 0, 0, DateTimeKind.Utc), interview.StartsAt);

        Assert.Equal(0, await RemindAsync(harness));                        // two days ahead: nothing due
        harness.Clock.Set(new DateTimeOffset(interview.StartsAt).AddHours(-23));
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RemindAsync(harness))));
        Assert.Equal(1, racing.Sum());                                      // the day-before reminder, once
        Assert.Equal(0, await RemindAsync(harness));

        // A restarted process finds it sent.
        using (var restarted = harness.Restarted())
        {
            await using var scope = restarted.Services.CreateAsyncScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<InterviewReminders>().RunAsync(CancellationToken.None));
        }

        harness.Clock.Set(new DateTimeOffset(interview.StartsAt).AddMinutes(-50));
        Assert.Equal(1, await RemindAsync(harness));                        // the hour-before reminder
        Assert.Equal(0, await RemindAsync(harness));
        using (var restarted = harness.Restarted())
        {
            await using var scope = restarted.Services.CreateAsyncScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<InterviewReminders>().RunAsync(CancellationToken.None));
        }
        harness.Clock.Set(new DateTimeOffset(interview.StartsAt).AddMinutes(10));
        Assert.Equal(0, await RemindAsync(harness));                        // started: nothing more

        var titles = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Notification>()
            .Where(n => n.UserId == priya && n.Type == "interview_reminder").OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());
        Assert.Equal(2, titles.Count);
        Assert.StartsWith("Interview tomorrow", titles[0], StringComparison.Ordinal);
        Assert.StartsWith("Interview in an hour", titles[1], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Moving_an_interview_reminds_again_for_the_new_time_and_a_cancelled_one_is_not_reminded(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, Start);
        var (priya, postings) = await harness.CandidateAsync("priya@example.com");
        var application = await harness.AppliedAsync(priya, postings[0], Start.AddDays(-3));
        // 23.5 hours ahead: inside the day-before window (the 24 hours before the start, until the hour-before one).
        var interview = (await Schedule(harness, priya, application, new InterviewInput(new DateTime(2026, 12, 8, 7, 30, 0), "UTC"))).Interview!;
        Assert.Equal(1, await RemindAsync(harness));

        var moved = await harness.InScopeAsync(sp => sp.GetRequiredService<InterviewService>()
            .UpdateAsync(priya, interview.Id, new InterviewInput(new DateTime(2026, 12, 8, 7, 45, 0), "UTC", 60, "Acme, Torstraße 1, Berlin"), interview.Revision, CancellationToken.None));
        Assert.Equal(InterviewOutcome.Done, moved.Outcome);
        Assert.Null(moved.Interview!.DayBeforeSentAt);
        Assert.Equal(1, await RemindAsync(harness));                        // reminded again for the new time

        var stale = await harness.InScopeAsync(sp => sp.GetRequiredService<InterviewService>()
            .UpdateAsync(priya, interview.Id, new InterviewInput(new DateTime(2026, 12, 8, 8, 0, 0), "UTC"), interview.Revision, CancellationToken.None));
        Assert.Equal(InterviewOutcome.Conflict, stale.Outcome);

        Assert.Equal(InterviewOutcome.Done, (await harness.InScopeAsync(sp => sp.GetRequiredService<InterviewService>().CancelAsync(priya, interview.Id, CancellationToken.None))).Outcome);
        harness.Clock.Set(new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero));    // the hour-before window, had it not been cancelled
        Assert.Equal(0, await RemindAsync(harness));
        Assert.Empty(await harness.InScopeAsync(sp => sp.GetRequiredService<InterviewService>().UpcomingAsync(priya, 10, CancellationToken.None)));
        var cancelledIcs = await harness.InScopeAsync(sp => sp.GetRequiredService<InterviewService>().CalendarAsync(priya, interview.Id, CancellationToken.None));
        Assert.Contains("METHOD:CANCEL", cancelledIcs!.Value.Content, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_candidate_cannot_schedule_read_edit_cancel_or_download_an_interview(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, Start);
        var (priya, postings) = await harness.CandidateAsync("priya@example.com");
        var (mallory, _) = await harness.CandidateAsync("mallory@example.com");
        var application = await harness.AppliedAsync(priya, postings[0], Start.AddDays(-3));
        var input = new InterviewInput(new DateTime(2026, 12, 10, 10, 0, 0), "Europe/London");
        var interview = (await Schedule(harness, priya, application, input)).Interview!;

        await harness.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<InterviewService>();
            Assert.Equal(InterviewOutcome.NotFound, (await service.ScheduleAsync(mallory, application, input, InterviewSources.Manual, CancellationToken.None)).Outcome);
            Assert.Null(await service.GetAsync(mallory, interview.Id, CancellationToken.None));
            Assert.Equal(InterviewOutcome.NotFound, (await service.UpdateAsync(mallory, interview.Id, input, null, CancellationToken.None)).Outcome);
            Assert.Equal(InterviewOutcome.NotFound, (await service.CancelAsync(mallory, interview.Id, CancellationToken.None)).Outcome);
            Assert.Null(await service.CalendarAsync(mallory, interview.Id, CancellationToken.None));
            Assert.Empty(await service.UpcomingAsync(mallory, 10, CancellationToken.None));
            Assert.Empty(await service.ForApplicationAsync(mallory, application, CancellationToken.None));
            Assert.Single(await service.UpcomingAsync(priya, 10, CancellationToken.None));
            return true;
        });
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_input_and_an_unsent_application_are_refused_with_reasons(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, Start);
        var (priya, postings) = await harness.CandidateAsync("priya@example.com");
        var applied = await harness.AppliedAsync(priya, postings[0], Start.AddDays(-3));
        var matched = (await harness.InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().StartAsync(priya, postings[1], ApplicationActor.Candidate(priya), CancellationToken.None)))!.Id;

        var bad = await Schedule(harness, priya, applied, new InterviewInput(new DateTime(2026, 12, 10, 10, 0, 0), "Mars/Olympus", 2, null, "javascript:alert(1)"));
        Assert.Equal(InterviewOutcome.Invalid, bad.Outcome);
        Assert.Equal(["durationMinutes", "meetingUrl", "timeZone"], bad.Errors!.Keys.Order(StringComparer.Ordinal));
        var early = await Schedule(harness, priya, matched, new InterviewInput(new DateTime(2026, 12, 10, 10, 0, 0), "UTC"));
        Assert.Equal(InterviewOutcome.NotAllowed, early.Outcome);
    }

    private static Task<InterviewResult> Schedule(TrackingHarness harness, string user, Guid application, InterviewInput input) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<InterviewService>().ScheduleAsync(user, application, input, InterviewSources.Manual, CancellationToken.None));

    private static Task<int> RemindAsync(TrackingHarness harness) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<InterviewReminders>().RunAsync(CancellationToken.None));
}
