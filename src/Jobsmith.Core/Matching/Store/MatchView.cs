using System.Text.Json;

namespace Jobsmith.Core.Matching.Store;

/// <summary>The candidate's own feedback on a match, as shown beside it.</summary>
public sealed record FeedbackView(Guid Id, Guid PostingId, bool ThumbsUp, string Reason, string? Comment, DateTime CreatedAt, DateTime? ProcessedAt)
{
    public static FeedbackView From(MatchFeedback f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FeedbackView(f.Id, f.PostingId, f.ThumbsUp, f.Reason, f.Comment, f.CreatedAt, f.ProcessedAt);
    }
}

/// <summary>A stored match as the API and the page show it: score, reasons (D2) and the candidate's feedback if any.</summary>
public sealed record MatchView(
    Guid Id, Guid PostingId, string ExternalId, string Title, string Company, int Score, MatchReasons Reasons, Guid RunId, DateTime ShownAt, FeedbackView? Feedback)
{
    public static MatchView From(StoredMatch row, string externalId, string title, string company, FeedbackView? feedback)
    {
        ArgumentNullException.ThrowIfNull(row);
        var reasons = JsonSerializer.Deserialize<MatchReasons>(row.ReasonsJson, CandidateMatchInputs.Json) ?? new MatchReasons([], [], [], []);
        return new MatchView(row.Id, row.PostingId, externalId, title, company, row.Score, reasons, row.RunId, row.ShownAt, feedback);
    }
}

/// <summary>A learned change as the candidate sees it, with whether it can still be undone.</summary>
public sealed record PreferenceUpdateView(
    Guid Id, string Field, string OldValue, string NewValue, IReadOnlyList<Guid> FeedbackIds, string Reason, DateTime AppliedAt, DateTime? UndoneAt)
{
    public static PreferenceUpdateView From(PreferenceUpdate u)
    {
        ArgumentNullException.ThrowIfNull(u);
        return new PreferenceUpdateView(u.Id, u.Field, u.OldValue, u.NewValue,
            JsonSerializer.Deserialize<List<Guid>>(u.FeedbackIdsJson, CandidateMatchInputs.Json) ?? [], u.Reason, u.AppliedAt, u.UndoneAt);
    }
}
