namespace Jobsmith.Core.Inbox;

/// <summary>What an employer's reply says (G2), by wire name.</summary>
public static class ReplyCategories
{
    public const string Rejection = "rejection";
    public const string Interview = "interview";
    public const string Offer = "offer";
    public const string Confirmation = "confirmation";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Rejection, Interview, Offer, Confirmation, Other];

    public static bool IsKnown(string? category) => category is not null && All.Contains(category, StringComparer.Ordinal);
}

/// <summary>A category with how it was decided ("rules" or "llm") and why, in words a candidate can check.</summary>
public sealed record ReplyClassification(string Category, string Method, string Reason);
