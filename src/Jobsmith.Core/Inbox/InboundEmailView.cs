using System.Text.Json;
using Jobsmith.Core.Data;
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

/// <summary>Reading the kept emails; every query is scoped to the candidate.</summary>
public sealed class InboxQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<InboundEmailView>> ForApplicationAsync(string userId, Guid applicationId, CancellationToken cancellationToken) =>
        [.. (await db.Set<InboundEmail>().AsNoTracking().Where(e => e.UserId == userId && e.ApplicationId == applicationId)
            .OrderByDescending(e => e.ReceivedAt).Take(100).ToListAsync(cancellationToken)).Select(InboundEmailView.Of)];

    public async Task<IReadOnlyList<InboundEmailView>> RecentAsync(string userId, int take, CancellationToken cancellationToken) =>
        [.. (await db.Set<InboundEmail>().AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.ReceivedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken)).Select(InboundEmailView.Of)];
}
