namespace Jobsmith.Core.Accounts;

/// <summary>A refused account operation with messages fit to show the user (never which check failed on login).</summary>
public sealed class AccountException(string code, IReadOnlyList<string> errors)
    : Exception(string.Join(" ", errors))
{
    public string Code { get; } = code;

    public IReadOnlyList<string> Errors { get; } = errors;
}

public enum LoginOutcome
{
    Succeeded,
    InvalidCredentials,

    /// <summary>Too many recent failures for this client or email: try again after <see cref="LoginResult.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>The password was right but an administrator suspended the account.</summary>
    Suspended,
}

public sealed record LoginResult(LoginOutcome Outcome, JobsmithUser? User, IReadOnlyList<string> Roles, TimeSpan? RetryAfter = null)
{
    /// <summary>Whole seconds for a Retry-After header, never 0.</summary>
    public int RetryAfterSeconds => (int)Math.Max(1, Math.Ceiling(RetryAfter?.TotalSeconds ?? 1));
}
