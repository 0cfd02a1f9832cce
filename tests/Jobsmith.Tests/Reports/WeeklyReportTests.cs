using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Core.Reports;
using Jobsmith.Tests.Interviews;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Jobsmith.Tests.Reports;

/// <summary>G4 on both databases: a seeded week's numbers, Monday 09:00 in each candidate's zone, exactly once across restarts, emailed once with its chart, owners only.</summary>
public sealed class WeeklyReportTests
{
    // Monday 30 Nov 2026, 08:00 in Berlin. The Berlin week runs 29 Nov 23:00 UTC to 6 Dec 23:00 UTC.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Week = new(2026, 11, 30);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_numbers_of_a_seeded_week_come_from_the_application_log_in_the_candidates_time_zone(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, MondayMorning);
        var (priya, postings, apps) = await SeededWeekAsync(harness);

        var report = await FinalAsync(harness, priya);
        Assert.True(report.Final);
        Assert.Equal((4, 1, 1, 1), (report.Submitted, report.Interviews, report.Offers, report.Rejections));
        Assert.Equal(["F", "A", "B", "D"], report.Content.Submitted.Select(s => apps.Single(a => a.Value == s.ApplicationId).Key));
        Assert.Equal(apps["A"], report.Content.Interviews.Single().ApplicationId);
        Assert.Equal(apps["C"], report.Content.Offers.Single().ApplicationId);
        Assert.Equal(apps["B"], report.Content.Rejections.Single().ApplicationId);
        // Sent by the week's end: A, B, C, D, F; answered: A, B, C.
        Assert.Equal((5, 3, 60), (report.Content.ResponseRate.Sent, report.Content.ResponseRate.Answered, report.ResponseRatePercent));
        Assert.Equal([1, 1, 1, 0, 0, 0, 1], report.Content.Days.Select(d => d.Submitted));
        Assert.Equal([0, 0, 0, 1, 1, 1, 0], report.Content.Days.Select(d => d.Answers));
        Assert.Equal(Week, report.Content.Days[0].Date);
        // The week's best matches not applied to: only the postings beyond the six applications.
        Assert.Equal(postings.Skip(6).Take(5).Order(), report.Content.TopMatches.Select(m => m.PostingId).Order());
        Assert.Contains(report.Content.NextSteps, s => s.StartsWith("Answer the offer", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sweep_writes_each_report_at_Monday_nine_in_the_candidates_zone_once_and_emails_it_once(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, MondayMorning);
        var (priya, _, _) = await SeededWeekAsync(harness);
        var (sam, _) = await harness.CandidateAsync("sam@example.com", "America/New_York");

        harness.Clock.Set(new DateTimeOffset(2026, 12, 7, 7, 59, 0, TimeSpan.Zero));       // 08:59 in Berlin
        Assert.Equal((0, 0), await SweepAsync(harness));
        harness.Clock.Set(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));        // 09:00 in Berlin, 03:00 in New York
        var racing = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => SweepAsync(harness))));
        Assert.Equal((1, 1), (racing.Sum(r => r.Written), racing.Sum(r => r.Emailed)));
        Assert.Equal((0, 0), await SweepAsync(harness));
        using (var restarted = harness.Restarted())
        {
            await using var scope = restarted.Services.CreateAsyncScope();
            Assert.Equal((0, 0), await scope.ServiceProvider.GetRequiredService<WeeklyReportSweep>().RunAsync(CancellationToken.None));
        }
        harness.Clock.Set(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero));       // 09:00 in New York
        Assert.Equal((1, 1), await SweepAsync(harness));
        Assert.Equal((0, 0), await SweepAsync(harness));

        var (reports, notices) = await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Set<WeeklyReport>().Select(r => new { r.UserId, r.WeekStart, r.Final, r.EmailedAt }).ToListAsync(),
                await db.Set<Notification>().CountAsync(n => n.Type == "weekly_report"));
        });
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.True(r.Final && r.EmailedAt is not null && r.WeekStart == Week));
        Assert.Equal(new[] { priya, sam }.Order(StringComparer.Ordinal), reports.Select(r => r.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(2, notices);

        var outbox = await harness.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<OutboxEmailTransport>().Folder));
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(outbox, "*.eml")) mails.Add(await MimeMessage.LoadAsync(file));
        var reportMails = mails.Where(m => m.Subject?.StartsWith("Your Jobsmith week", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, reportMails.Count);
        var priyas = reportMails.Single(m => m.To.Mailboxes.Single().Address == "priya@example.com");
        Assert.Contains("Applications sent: 4", priyas.TextBody, StringComparison.Ordinal);
        Assert.Contains("cid:chart@jobsmith", priyas.HtmlBody ?? "", StringComparison.Ordinal);
        var chart = priyas.BodyParts.OfType<MimePart>().Single(p => p.ContentId == "chart@jobsmith");
        Assert.Equal("image/png", chart.ContentType.MimeType);
        using var png = new MemoryStream();
        await chart.Content!.DecodeToAsync(png);
        Assert.Equal((ReportChart.Width, ReportChart.Height), PngSize(png.ToArray()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_now_writes_the_week_so_far_which_the_Monday_sweep_completes_in_the_same_row(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, MondayMorning);
        var (priya, _, _) = await SeededWeekAsync(harness);
        harness.Clock.Set(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));       // Wednesday noon: F, A and B sent so far
        var sofar = await harness.InScopeAsync(sp => sp.GetRequiredService<WeeklyReports>().GenerateNowAsync(priya, CancellationToken.None));
        Assert.Equal((false, 3, 0), (sofar!.Final, sofar.Submitted, sofar.Rejections));

        harness.Clock.Set(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal((1, 1), await SweepAsync(harness));
        var list = await harness.InScopeAsync(sp => sp.GetRequiredService<WeeklyReports>().ListAsync(priya, 10, CancellationToken.None));
        Assert.Equal(sofar.Id, list.Single().Id);
        Assert.Equal((true, 4, 1), (list[0].Final, list[0].Submitted, list[0].Rejections));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_candidate_cannot_read_a_report_or_its_chart(string provider)
    {
        await using var harness = await TrackingHarness.CreateAsync(provider, MondayMorning);
        var (priya, _, _) = await SeededWeekAsync(harness);
        var (mallory, _) = await harness.CandidateAsync("mallory@example.com");
        var report = await FinalAsync(harness, priya);
        await harness.InScopeAsync(async sp =>
        {
            var reports = sp.GetRequiredService<WeeklyReports>();
            Assert.Null(await reports.GetAsync(mallory, report.Id, CancellationToken.None));
            Assert.Null(await reports.ChartAsync(mallory, report.Id, CancellationToken.None));
            Assert.Empty(await reports.ListAsync(mallory, 10, CancellationToken.None));
            Assert.NotNull(await reports.ChartAsync(priya, report.Id, CancellationToken.None));
            return true;
        });
    }

    /// <summary>
    /// Priya in Berlin: F sent Monday 01:30, A Tuesday, B Wednesday, D Sunday 23:30 (all Berlin time); E Monday 00:30 the
    /// week after; C the week before. A invited Thursday, B rejected Friday, C offered Saturday.
    /// </summary>
    private static async Task<(string User, IReadOnlyList<Guid> Postings, Dictionary<string, Guid> Apps)> SeededWeekAsync(TrackingHarness harness)
    {
        var (priya, postings) = await harness.CandidateAsync("priya@example.com", "Europe/Berlin");
        Assert.True(postings.Count >= 6, $"the candidate has {postings.Count} matches");
        var apps = new Dictionary<string, Guid>
        {
            ["C"] = await harness.AppliedAsync(priya, postings[0], Utc(11, 26, 10, 0)),
            ["F"] = await harness.AppliedAsync(priya, postings[1], Utc(11, 30, 0, 30)),
            ["A"] = await harness.AppliedAsync(priya, postings[2], Utc(12, 1, 10, 0)),
            ["B"] = await harness.AppliedAsync(priya, postings[3], Utc(12, 2, 9, 0)),
            ["D"] = await harness.AppliedAsync(priya, postings[4], Utc(12, 6, 22, 30)),
            ["E"] = await harness.AppliedAsync(priya, postings[5], Utc(12, 6, 23, 30)),
        };
        await harness.MoveAsync(priya, apps["A"], "interview", Utc(12, 3, 12, 0));
        await harness.MoveAsync(priya, apps["B"], "rejected", Utc(12, 4, 15, 0));
        await harness.MoveAsync(priya, apps["C"], "offer", Utc(12, 5, 10, 0));
        return (priya, postings, apps);
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task<WeeklyReportView> FinalAsync(TrackingHarness harness, string user) =>
        (await harness.InScopeAsync(sp => sp.GetRequiredService<WeeklyReports>().GenerateFinalAsync(user, Week, CancellationToken.None)))!.Value.View;

    private static Task<(int Written, int Emailed)> SweepAsync(TrackingHarness harness) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<WeeklyReportSweep>().RunAsync(CancellationToken.None));

    private static (int, int) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], png[..8]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
