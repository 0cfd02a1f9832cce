namespace Jobsmith.Core.Ai;

/// <summary>
/// The model answered, but not with JSON of the requested shape. The tokens were still spent, so the
/// usage travels with the failure; the raw reply is kept (truncated) for diagnosis, not in the message,
/// because it is untrusted text.
/// </summary>
public sealed class StructuredExtractionException : Exception
{
    private const int MaxReplyLength = 2000;

    public StructuredExtractionException(string message, string reply, AiUsage usage, Exception? innerException = null)
        : base(message, innerException)
    {
        Reply = reply.Truncate(MaxReplyLength);
        Usage = usage;
    }

    public string Reply { get; }

    public AiUsage Usage { get; }
}
