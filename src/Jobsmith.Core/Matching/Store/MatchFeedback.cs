using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Matching.Store;

/// <summary>The reasons a candidate can give with a thumbs up or down (D5), by their wire names.</summary>
public static class FeedbackReasons
{
    public const string TooJunior = "too_junior";
    public const string TooSenior = "too_senior";
    public const string WrongLocation = "wrong_location";
    public const string SalaryTooLow = "salary_too_low";
    public const string WrongIndustry = "wrong_industry";
    public const string GoodMatch = "good_match";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [TooJunior, TooSenior, WrongLocation, SalaryTooLow, WrongIndustry, GoodMatch, Other];

    /// <summary>The reasons a thumbs down can give; a thumbs down must give one (D5).</summary>
    public static readonly IReadOnlyList<string> Negative = [TooJunior, TooSenior, WrongLocation, SalaryTooLow, WrongIndustry, Other];

    /// <summary>
    /// The reason to store for a rating, or an error. A thumbs up means a good match (no reason needed; never a
    /// negative one, which once taught the optimizer the opposite of what was meant); a thumbs down needs its reason.
    /// </summary>
    public static (string? Reason, string? Error) ForRating(bool thumbsUp, string? reason)
    {
        var given = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (thumbsUp)
            return given is null or GoodMatch or Other ? (given ?? GoodMatch, null) : (null, "A thumbs up means a good match: leave the reason out, or give good_match or other.");
        return given is not null && Negative.Contains(given)
            ? (given, null)
            : (null, $"Say why it is not a fit: reason must be one of {string.Join(", ", Negative)}.");
    }
}

/// <summary>
/// A thumbs up or down on a shown posting (table <c>match_feedback</c>), one per candidate and posting: giving it
/// again replaces it and makes it new for the optimizer. <see cref="ProcessedAt"/> is set once the optimizer used it.
/// </summary>
public sealed class MatchFeedback
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid PostingId { get; set; }
    public bool ThumbsUp { get; set; }
    public string Reason { get; set; } = FeedbackReasons.Other;
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
}

internal sealed class MatchFeedbackConfiguration : IEntityTypeConfiguration<MatchFeedback>
{
    public void Configure(EntityTypeBuilder<MatchFeedback> builder)
    {
        builder.ToTable("match_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Reason).HasMaxLength(20);
        builder.Property(f => f.Comment).HasMaxLength(1000);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredPosting>().WithMany().HasForeignKey(f => f.PostingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.UserId, f.PostingId }).IsUnique();
        builder.HasIndex(f => f.PostingId);
        builder.HasIndex(f => f.ProcessedAt);
    }
}
