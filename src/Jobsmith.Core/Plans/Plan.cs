namespace Jobsmith.Core.Plans;

/// <summary>
/// A plan (H1): how many applications a month Jobsmith may send for a candidate (−1 = unlimited) and what it costs.
/// <see cref="Rank"/> orders plans from cheapest to richest; <see cref="StripePriceId"/> never leaves the server.
/// </summary>
public sealed record Plan(
    string Id,
    string Name,
    int ApplicationsPerMonth,
    decimal MonthlyPrice,
    string Currency,
    IReadOnlyList<string> Features,
    int Rank,
    string? StripePriceId = null)
{
    public const int Unlimited = -1;

    public bool IsUnlimited => ApplicationsPerMonth == Unlimited;

    public bool IsFree => MonthlyPrice == 0;
}
