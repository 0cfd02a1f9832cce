using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Core.Notifications;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Inbox;

/// <summary>
/// G2: a reply nothing matched waits unfiled; the candidate files it under their application and its effects run then,
/// once — two clicks at once move the application once; another candidate's email or application is not found.
/// </summary>
public sealed class ReplyFilingTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unmatched_invitation_filed_by_the_candidate_moves_the_application_once(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");
        var other = await harness.AddCandidateAsync("sam@example.com");
        // A recruiter's own address, no thread headers, nothing naming the job: nothing to match it by.
        var import = await InboxHarness.ImportAsync(harness, sent.UserId, InboxHarness.Email("Jo <jo.recruits@gmail.com>", "Quick chat?",
            "We would like to invite you to an interview. When are you free this week?"));
        var email = import.Email!;
        Assert.Equal((ReplyCategories.Interview, (Guid?)null), (email.Category, email.ApplicationId));
        var unfiled = await harness.InScopeAsync(sp => sp.GetRequiredService<InboxQueries>().UnfiledAsync(sent.UserId, 50, CancellationToken.None));
        Assert.Equal(email.Id, Assert.Single(unfiled).Id);
        var targets = await harness.InScopeAsync(sp => sp.GetRequiredService<InboxQueries>().FilingTargetsAsync(sent.UserId, CancellationToken.None));
        Assert.Equal(sent.ApplicationId, Assert.Single(targets).ApplicationId);

        Assert.Equal(FilingStatus.NotFound, await FileAsync(harness, other, email.Id, sent.ApplicationId));
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => FileAsync(harness, sent.UserId, email.Id, sent.ApplicationId)));
        Assert.Equal(1, results.Count(r => r == FilingStatus.Filed));
        Assert.All(results.Where(r => r != FilingStatus.Filed), r => Assert.Equal(FilingStatus.Unchanged, r));

        var (state, moves, stored, notices) = await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return ((await db.Set<JobApplication>().AsNoTracking().SingleAsync(a => a.Id == sent.ApplicationId)).State,
                await db.Set<ApplicationLogEntry>().CountAsync(l => l.ApplicationId == sent.ApplicationId && l.ToState == ApplicationStates.Interview),
                await db.Set<InboundEmail>().AsNoTracking().SingleAsync(e => e.Id == email.Id),
                await db.Set<Notification>().CountAsync(n => n.UserId == sent.UserId && n.Type == "interview"));
        });
        Assert.Equal((ApplicationStates.Interview, 1), (state, moves));
        Assert.Equal((sent.ApplicationId, MatchMethods.Candidate, "Moved the application to interview."), (stored.ApplicationId, stored.MatchedBy, stored.Outcome));
        Assert.NotNull(stored.EffectsAppliedAt);
        Assert.Equal(1, notices);
        Assert.Empty(await harness.InScopeAsync(sp => sp.GetRequiredService<InboxQueries>().UnfiledAsync(sent.UserId, 50, CancellationToken.None)));
    }

    private static Task<FilingStatus> FileAsync(MatchStoreHarness harness, string user, Guid email, Guid application) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<ReplyFiling>().FileAsync(user, email, application, CancellationToken.None));
}
