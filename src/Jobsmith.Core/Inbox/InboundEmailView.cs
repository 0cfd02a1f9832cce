using System.Text.Json;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Inbox;

/// <summary>A kept email as the candidate sees it; every text field is untrusted and shown as text only.</summary>
public sealed record InboundEmailView(Guid Id, Guid? ApplicationId, string MessageId, string From, string? FromName, string Subject, string Text,
    IReadOnlyList<InboundAttachment> Attachments, string Source, string Category, string ClassifiedBy, string ClassificationReason,
    string? MatchedBy, string? Outcome, DateTime? SentAt, DateTime ReceivedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InboundEmailView Of(InboundEmail e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.ApplicationId, e.MessageId, e.FromAddress, e.FromName, e.Subject, e.BodyText,
            JsonSerializer.Deserialize<List<InboundAttachment>>(e.AttachmentsJson, Json) ?? [], e.Source, e.Category, e.ClassifiedBy,
            e.ClassificationReason, e.MatchedBy, e.Outcome, e.SentAt, e.ReceivedAt);
    }
}

/// <summary>An application a reply can be filed under, as the filing list names it.</summary>
public sealed record FilingTarget(Guid ApplicationId, string Title, string Company, string State);

/// <summary>Reading the kept emails; every query is scoped to the candidate.</summary>
public sealed class InboxQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<InboundEmailView>> ForApplicationAsync(string userId, Guid applicationId, CancellationToken cancellationToken) =>
        [.. (await db.Set<InboundEmail>().AsNoTracking().Where(e => e.UserId == userId && e.ApplicationId == applicationId)
            .OrderByDescending(e => e.ReceivedAt).Take(100).ToListAsync(cancellationToken)).Select(InboundEmailView.Of)];

    /// <summary>The emails no application could be found for, newest first: the candidate files them by hand.</summary>
    public async Task<IReadOnlyList<InboundEmailView>> UnfiledAsync(string userId, int take, CancellationToken cancellationToken) =>
        [.. (await db.Set<InboundEmail>().AsNoTracking().Where(e => e.UserId == userId && e.ApplicationId == null)
            .OrderByDescending(e => e.ReceivedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken)).Select(InboundEmailView.Of)];

    /// <summary>The candidate's applications that went out (the only ones an employer can answer), most recently active first.</summary>
    public async Task<IReadOnlyList<FilingTarget>> FilingTargetsAsync(string userId, CancellationToken cancellationToken)
    {
        string[] answerable = [ApplicationStates.Applied, ApplicationStates.Interview, ApplicationStates.Offer, ApplicationStates.Rejected];
        return await (from a in db.Set<JobApplication>().AsNoTracking()
                      join p in db.Set<StoredPosting>() on a.PostingId equals p.Id
                      where a.UserId == userId && answerable.Contains(a.State)
                      orderby a.UpdatedAt descending
                      select new FilingTarget(a.Id, p.Title, p.Company, a.State)).Take(200).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InboundEmailView>> RecentAsync(string userId, int take, CancellationToken cancellationToken) =>
        [.. (await db.Set<InboundEmail>().AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.ReceivedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken)).Select(InboundEmailView.Of)];
}
