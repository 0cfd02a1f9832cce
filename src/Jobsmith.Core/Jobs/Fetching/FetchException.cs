namespace Jobsmith.Core.Jobs.Fetching;

public enum FetchFailure { Refused, RobotsDisallowed, TooLarge, Timeout, HttpStatus, Unreachable, CircuitOpen }

/// <summary>A fetch that did not produce a usable body, with a reason a person can act on.</summary>
public sealed class FetchException : Exception
{
    public FetchException(FetchFailure failure, string message, Exception? inner = null) : base(message, inner) => Failure = failure;

    public FetchException() : this(FetchFailure.Unreachable, "fetch failed") { }

    public FetchException(string message) : this(FetchFailure.Unreachable, message) { }

    public FetchException(string message, Exception inner) : this(FetchFailure.Unreachable, message, inner) { }

    public FetchFailure Failure { get; }

    public int? StatusCode { get; init; }

    /// <summary>Worth retrying: network trouble, timeouts, 408/429 and 5xx.</summary>
    public bool IsTransient => Failure is FetchFailure.Unreachable or FetchFailure.Timeout
        || (Failure == FetchFailure.HttpStatus && StatusCode is 408 or 429 or >= 500);
}
