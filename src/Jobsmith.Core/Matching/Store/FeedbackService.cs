using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>
/// Records thumbs up/down on a match (D5). Feedback is only accepted on a posting that was shown to this
/// candidate, so another user's posting ids (or unknown ones) look the same: not found.
/// </summary>
public sealed class FeedbackService(AppDbContext db, EventPublisher events, TimeProvider clock)
{
    public const int MaxComment = 1000;

    /// <summary>Null when the posting was never shown to this candidate.</summary>
    public async Task<FeedbackView?> GiveAsync(string userId, Guid postingId, bool thumbsUp, string reason, string? comment, CancellationToken cancellationToken)
    {
        if (FeedbackReasons.ForRating(thumbsUp, reason) is { Error: { } error }) throw new ArgumentException(error, nameof(reason));
        if (comment?.Length > MaxComment) throw new ArgumentException($"comment longer than {MaxComment} characters", nameof(comment));
        if (!await db.Set<StoredMatch>().AnyAsync(m => m.UserId == userId && m.PostingId == postingId, cancellationToken)) return null;

        var now = clock.GetUtcNow();
        var row = await db.Set<MatchFeedback>().FirstOrDefaultAsync(f => f.UserId == userId && f.PostingId == postingId, cancellationToken);
        if (row is null) db.Set<MatchFeedback>().Add(row = new MatchFeedback { Id = Guid.CreateVersion7(now), UserId = userId, PostingId = postingId });
        row.ThumbsUp = thumbsUp;
        row.Reason = reason;
        row.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        row.CreatedAt = now.UtcDateTime;
        // A changed mind is new evidence: the optimizer looks at it again.
        row.ProcessedAt = null;
        events.Publish(EventTypes.FeedbackGiven, userId, new { feedbackId = row.Id, postingId, thumbsUp, reason });
        await db.SaveChangesAsync(cancellationToken);
        return FeedbackView.From(row);
    }
}
