using System.Globalization;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Core.Interviews;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Preferences;
using Jobsmith.Core.Notifications.Sms;
using Jobsmith.Tests.Inbox;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Jobsmith.Tests.Notifications;

/// <summary>
/// G2, G3, G5: an employer's interview invitation that names a time schedules the interview and reaches the candidate
/// at once by email (with the calendar file) and SMS; an offer does too; a rejection stays in the app. SMS goes through
/// the Twilio SDK to a loopback stand-in speaking Twilio's wire format.
/// </summary>
public sealed class InterviewAndOfferAlertTests
{
    private const string Sid = "AC0123456789abcdef0123456789abcdef", Token = "test-auth-token", From = "+15005550006", Phone = "+49 151 2345 6789";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invitation_schedules_the_interview_and_it_and_an_offer_go_out_by_email_and_sms_once(string provider)
    {
        await using var twilio = await TwilioStandIn.StartAsync(Sid, Token);
        await using var harness = await MatchStoreHarness.CreateAsync(provider, s => s.Configure<SmsOptions>(o =>
        {
            o.TwilioAccountSid = Sid;
            o.TwilioAuthToken = Token;
            o.TwilioFrom = From;
            o.TwilioApiBaseUrl = twilio.BaseUri;
        }));
        var interviewed = await InboxHarness.SentAsync(harness, "priya@example.com");
        var offered = await InboxHarness.ApplyAsync(harness, interviewed.UserId, (await OtherPostingAsync(harness, interviewed.PostingId)));
        var saved = await harness.InScopeAsync(sp => sp.GetRequiredService<AccountSettings>().UpdateAsync(interviewed.UserId,
            new AccountSettingsChange(Phone, "Europe/Berlin"), CancellationToken.None));
        Assert.Equal("+4915123456789", saved.Settings!.Phone);
        await harness.InScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().UpdateAsync(interviewed.UserId, null, sms: true, null, null, CancellationToken.None));

        var day = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(10);
        var invitation = InboxHarness.Email("Laura Chen <laura@gmail.com>", "Interview invitation",
            $"Hi Priya,\n\nWe would like to invite you to an interview on {day.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture)} at 10:00 CET "
            + "for 45 minutes. Join here: https://meet.google.com/abc-defg-hij\n\nBest, Laura",
            SentMessageIds.For(interviewed.ApplicationId, "jobsmith.example"));
        Assert.Equal(InboxImportStatus.Imported, (await InboxHarness.ImportAsync(harness, interviewed.UserId, invitation)).Status);

        var interview = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Interview>().AsNoTracking().SingleAsync());
        Assert.Equal((interviewed.ApplicationId, InterviewSources.Email, "Europe/Berlin", 45), (interview.ApplicationId, interview.Source, interview.TimeZone, interview.DurationMinutes));
        Assert.Equal(day.AddHours(9), interview.StartsAt); // 10:00 CET is 09:00 UTC in December
        Assert.Equal("https://meet.google.com/abc-defg-hij", interview.MeetingUrl);
        var text = Assert.Single(twilio.Messages);
        Assert.Equal(("+4915123456789", From), (text.To, text.From));
        Assert.StartsWith($"Jobsmith: Interview scheduled: {interviewed.Title} at {interviewed.Company}", text.Body, StringComparison.Ordinal);
        var mail = Assert.Single(Outbox(harness));
        Assert.Contains("Interview scheduled", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(mail.Attachments, a => a.ContentType.MimeType == "text/calendar");

        var offer = InboxHarness.Email("Laura Chen <laura@gmail.com>", "Your offer from us",
            "Dear Priya,\n\nWe are delighted to offer you the position. Please find the offer letter attached; the salary is as discussed.",
            SentMessageIds.For(offered.ApplicationId, "jobsmith.example"));
        await InboxHarness.ImportAsync(harness, interviewed.UserId, offer);
        await InboxHarness.ImportAsync(harness, interviewed.UserId, offer);
        Assert.Equal(2, twilio.Messages.Count);
        Assert.StartsWith($"Jobsmith: Offer: {offered.Title} at {offered.Company}", twilio.Messages[1].Body, StringComparison.Ordinal);
        Assert.Contains(Outbox(harness), m => m.Subject?.StartsWith("Offer:", StringComparison.Ordinal) == true);

        // A rejection is news for the app only: no text, no email.
        var rejection = InboxHarness.Email("Laura Chen <laura@gmail.com>", "Your application",
            "Thank you for your interest. Unfortunately we have decided not to move forward with your application.",
            SentMessageIds.For(interviewed.ApplicationId, "jobsmith.example"));
        await InboxHarness.ImportAsync(harness, interviewed.UserId, rejection);
        Assert.Equal(2, twilio.Messages.Count);
        Assert.Equal(2, Outbox(harness).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_text_is_reported_and_the_notification_kept_and_no_phone_or_no_choice_sends_nothing(string provider)
    {
        await using var twilio = await TwilioStandIn.StartAsync(Sid, Token);
        twilio.InvalidNumbers.Add("+4915123456789");
        await using var harness = await MatchStoreHarness.CreateAsync(provider, s => s.Configure<SmsOptions>(o =>
            (o.TwilioAccountSid, o.TwilioAuthToken, o.TwilioFrom, o.TwilioApiBaseUrl) = (Sid, Token, From, twilio.BaseUri)));
        var user = await harness.AddCandidateAsync("sam@example.com");

        async Task<SmsOutcome> TextAsync(string type) => await harness.InScopeAsync(async sp =>
        {
            var notice = await sp.GetRequiredService<NotificationCenter>().NotifyAsync(user, type, "Offer: Backend Engineer at Lumen", "Details", CancellationToken.None);
            return await sp.GetRequiredService<NotificationTexts>().SendAsync(notice, CancellationToken.None);
        });

        Assert.Equal(SmsOutcome.NotWanted, await TextAsync(NotificationTypes.Offer)); // SMS is off until switched on
        await harness.InScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().UpdateAsync(user, null, sms: true, null, null, CancellationToken.None));
        Assert.Equal(SmsOutcome.NoPhone, await TextAsync(NotificationTypes.Offer));
        await harness.InScopeAsync(sp => sp.GetRequiredService<AccountSettings>().UpdateAsync(user, new AccountSettingsChange("0049 151 2345-6789", null), CancellationToken.None));
        Assert.Equal(SmsOutcome.Failed, await TextAsync(NotificationTypes.Offer));
        Assert.Equal(SmsOutcome.NotWanted, await TextAsync(NotificationTypes.ApplicationUpdate)); // in-app only by default
        Assert.Empty(twilio.Messages);
        Assert.Equal(4, await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Notification>().CountAsync(n => n.UserId == user)));

        twilio.InvalidNumbers.Clear();
        Assert.Equal(SmsOutcome.Sent, await TextAsync(NotificationTypes.Offer));
        Assert.Equal("+4915123456789", Assert.Single(twilio.Messages).To);
    }

    private static async Task<Guid> OtherPostingAsync(MatchStoreHarness harness, Guid except) => await harness.InScopeAsync(async sp =>
        await sp.GetRequiredService<AppDbContext>().Set<Core.Jobs.Store.StoredPosting>().AsNoTracking().Where(p => p.Id != except).Select(p => p.Id).FirstAsync());

    private static List<MimeMessage> Outbox(MatchStoreHarness harness)
    {
        var folder = Path.Combine(harness.Database.Folder, "outbox");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))] : [];
    }
}
