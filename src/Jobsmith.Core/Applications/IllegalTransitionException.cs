namespace Jobsmith.Core.Applications;

/// <summary>A move the state machine does not allow (F1): a bug or a stale request, never silently accepted.</summary>
public sealed class IllegalTransitionException : InvalidOperationException
{
    public IllegalTransitionException() { }

    public IllegalTransitionException(string message) : base(message) { }

    public IllegalTransitionException(string message, Exception inner) : base(message, inner) { }

    public IllegalTransitionException(string from, string to)
        : base($"An application that is {from.Replace('_', ' ')} cannot become {to.Replace('_', ' ')}.")
    {
        From = from;
        To = to;
    }

    public string? From { get; }
    public string? To { get; }
}
