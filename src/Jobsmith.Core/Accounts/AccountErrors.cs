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
    LockedOut,
}

public sealed record LoginResult(LoginOutcome Outcome, JobsmithUser? User, IReadOnlyList<string> Roles);
