namespace Jobsmith.Core.Plans;

/// <summary>
/// Whether one more application may be sent this calendar month (UTC) under the candidate's plan (F9).
/// <see cref="Limit"/> is −1 on an unlimited plan; <see cref="Reason"/> says why not when <see cref="Allowed"/> is false.
/// </summary>
public sealed record QuotaCheck(bool Allowed, int Used, int Limit, string PlanName, string? Reason);
