using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.Matching.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Jobsmith.Tests.Inbox;

public sealed record SentApplication(string UserId, Guid ApplicationId, Guid PostingId, string Title, string Company);

/// <summary>A migrated Core host (the match store harness) with helpers for a candidate whose application was sent.</summary>
internal static class InboxHarness
{
    /// <summary>A candidate matched with the postings, with one application moved all the way to applied.</summary>
    public static async Task<SentApplication> SentAsync(MatchStoreHarness harness, string email, int matchIndex = 0)
    {
        var user = await harness.AddCandidateAsync(email);
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, 8, CancellationToken.None));
        return await ApplyAsync(harness, user, run.Matches[matchIndex].PostingId);
    }

    public static async Task<SentApplication> ApplyAsync(MatchStoreHarness harness, string user, Guid postingId) => await harness.InScopeAsync(async sp =>
    {
        var service = sp.GetRequiredService<ApplicationService>();
        var agent = ApplicationActor.Agent("test");
        var id = (await service.StartAsync(user, postingId, agent, CancellationToken.None))!.Id;
        foreach (var state in new[] { "drafted", "awaiting_approval", "approved", "queued", "submitting", "applied" })
            Assert.Equal(ApplicationMoveStatus.Moved, (await service.MoveAsync(user, id, state, agent, null, null, CancellationToken.None)).Status);
        var posting = await sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().AsNoTracking().FirstAsync(p => p.Id == postingId);
        return new SentApplication(user, id, postingId, posting.Title, posting.Company);
    });

    public static Task<InboxImportResult> ImportAsync(MatchStoreHarness harness, string user, byte[] raw, string source = InboundSources.Upload) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<InboxService>().ImportAsync(user, raw, source, CancellationToken.None));

    public static byte[] Email(string from, string subject, string body, string? inReplyTo = null, string? messageId = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("priya.raman@example.com"));
        message.Subject = subject;
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("employer.example");
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }
        message.Body = new TextPart("plain") { Text = body };
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    public static string Domain(string company) => CompanyNames.Normalize(company) + ".example";
}
