using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Notifications;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Inbox;

/// <summary>G2 on both databases: a reply is kept once, tied to its application, classified, and moves it with its effects.</summary>
public sealed class InboxImportTests
{
    private const string Invitation = "Hi Priya,\n\nThanks for applying. We would like to invite you to a 45-minute video interview. Could you share your availability next week?\n\nBest,\nLaura";
    private const string Rejection = "Dear Priya,\n\nUnfortunately, we will not be moving forward with your application at this time.\n\nKind regards,\nThe team";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reply_in_the_thread_moves_the_application_to_interview_once_with_notification_feedback_and_event(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");
        // A recruiter on a shared mail service answers the application email: only the thread can tell which one it is.
        var raw = InboxHarness.Email("Laura <laura.recruits@gmail.com>", "Re: your application", Invitation,
            inReplyTo: SentMessageIds.For(sent.ApplicationId, "jobsmith.example"));

        var first = await InboxHarness.ImportAsync(harness, sent.UserId, raw, InboundSources.Imap);
        var second = await InboxHarness.ImportAsync(harness, sent.UserId, raw, InboundSources.Postmark);

        Assert.Equal((InboxImportStatus.Imported, InboxImportStatus.Duplicate), (first.Status, second.Status));
        Assert.Equal((sent.ApplicationId, "thread", "interview", "rules"), (first.Email!.ApplicationId, first.Email.MatchedBy, first.Email.Category, first.Email.ClassifiedBy));
        Assert.Equal("Moved the application to interview.", first.Email.Outcome);
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.Set<InboundEmail>().CountAsync());
            Assert.Equal("interview", (await db.Set<JobApplication>().SingleAsync(a => a.Id == sent.ApplicationId)).State);
            var log = await db.Set<ApplicationLogEntry>().Where(l => l.ApplicationId == sent.ApplicationId && l.ToState == "interview").ToListAsync();
            Assert.Equal(("agent", "inbox"), (Assert.Single(log).ActorKind, log[0].ActorId));
            var notice = await db.Set<Notification>().SingleAsync(n => n.UserId == sent.UserId && n.Type == "interview");
            Assert.Equal($"Interview invitation: {sent.Title} at {sent.Company}", notice.Title);
            var feedback = await db.Set<MatchFeedback>().SingleAsync(f => f.UserId == sent.UserId && f.PostingId == sent.PostingId);
            Assert.True(feedback.ThumbsUp);
            Assert.StartsWith(ReplyEffects.FeedbackPrefix, feedback.Comment, StringComparison.Ordinal);
            Assert.Equal(1, await db.Set<AgentEvent>().CountAsync(e => e.UserId == sent.UserId && e.Type == EventTypes.ReplyReceived));
            return true;
        });
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rejection_from_the_company_domain_rejects_the_right_application_and_teaches_the_matcher(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");
        var other = await harness.InScopeAsync(async sp => (await sp.GetRequiredService<AppDbContext>().Set<Core.Jobs.Store.StoredPosting>()
            .AsNoTracking().Where(p => p.Id != sent.PostingId && p.Company != sent.Company).Select(p => p.Id).ToListAsync()));
        var matchedOther = await harness.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<StoredMatch>()
            .AsNoTracking().Where(m => m.UserId == sent.UserId && other.Contains(m.PostingId)).Select(m => m.PostingId).FirstAsync());
        var second = await InboxHarness.ApplyAsync(harness, sent.UserId, matchedOther);

        var result = await InboxHarness.ImportAsync(harness, sent.UserId,
            InboxHarness.Email($"Talent <talent@careers.{InboxHarness.Domain(sent.Company)}>", "An update on your application", Rejection));

        Assert.Equal((sent.ApplicationId, "domain", "rejection"), (result.Email!.ApplicationId, result.Email.MatchedBy, result.Email.Category));
        var states = await harness.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<JobApplication>().AsNoTracking()
            .Where(a => a.UserId == sent.UserId).ToDictionaryAsync(a => a.Id, a => a.State));
        Assert.Equal(("rejected", "applied"), (states[sent.ApplicationId], states[second.ApplicationId]));
        var feedback = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<MatchFeedback>().AsNoTracking()
            .SingleAsync(f => f.UserId == sent.UserId && f.PostingId == sent.PostingId));
        Assert.False(feedback.ThumbsUp);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_candidates_thread_id_matches_nothing_and_moves_nothing(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var priya = await InboxHarness.SentAsync(harness, "priya@example.com");
        var mallory = await harness.AddCandidateAsync("mallory@example.com");

        var result = await InboxHarness.ImportAsync(harness, mallory,
            InboxHarness.Email("Laura <laura@gmail.com>", "Re: hello", Invitation, inReplyTo: SentMessageIds.For(priya.ApplicationId, "jobsmith.example")));

        Assert.Equal((InboxImportStatus.Imported, (Guid?)null), (result.Status, result.Email!.ApplicationId));
        var state = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<JobApplication>().AsNoTracking().SingleAsync(a => a.Id == priya.ApplicationId));
        Assert.Equal("applied", state.State);
        // Mallory is told a reply arrived that she has to file herself; Priya hears nothing.
        var notices = await harness.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Notification>().AsNoTracking()
            .Where(n => n.Type != "welcome").Select(n => n.UserId).ToListAsync());
        Assert.Equal([mallory], notices);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_candidates_own_rating_stands_and_a_half_finished_import_is_finished_by_the_next(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");
        await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackService>().GiveAsync(sent.UserId, sent.PostingId, false, FeedbackReasons.SalaryTooLow, null, CancellationToken.None));
        var raw = InboxHarness.Email("Laura <laura@gmail.com>", "Re: application", Invitation, inReplyTo: SentMessageIds.For(sent.ApplicationId, "jobsmith.example"));
        // The process died after keeping the email and before its effects: the row is there, unapplied.
        var parsed = MimeReader.Parse(raw);
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Add(new InboundEmail
            {
                Id = Guid.NewGuid(), UserId = sent.UserId, ApplicationId = sent.ApplicationId, MessageId = parsed.MessageId, FromAddress = parsed.FromAddress,
                Subject = parsed.Subject, BodyText = parsed.Text, Source = InboundSources.Imap, Category = ReplyCategories.Interview,
                ClassificationReason = "test", MatchedBy = MatchMethods.Thread, ReceivedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            return true;
        });

        var again = await InboxHarness.ImportAsync(harness, sent.UserId, raw);

        Assert.Equal((InboxImportStatus.Duplicate, "Moved the application to interview."), (again.Status, again.Email!.Outcome));
        var feedback = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<MatchFeedback>().AsNoTracking().SingleAsync(f => f.UserId == sent.UserId));
        Assert.Equal((false, FeedbackReasons.SalaryTooLow), (feedback.ThumbsUp, feedback.Reason));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_newsletter_is_kept_unmatched_without_a_notification_and_an_unreadable_email_is_refused(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");

        var news = await InboxHarness.ImportAsync(harness, sent.UserId, InboxHarness.Email("Stack Weekly <news@stackweekly.example>", "Stack Weekly #212",
            "This week: PostgreSQL 18 and Go generics.\n\nRead online | Unsubscribe"));
        var broken = await InboxHarness.ImportAsync(harness, sent.UserId, "not an email at all"u8.ToArray());

        Assert.Equal(("other", (Guid?)null), (news.Email!.Category, news.Email.ApplicationId));
        Assert.Equal(InboxImportStatus.Unreadable, broken.Status);
        Assert.False(string.IsNullOrWhiteSpace(broken.Error));
        Assert.Equal(0, await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Notification>().CountAsync(n => n.Type != "welcome")));
    }
}
