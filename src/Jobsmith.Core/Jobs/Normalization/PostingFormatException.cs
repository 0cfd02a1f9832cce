namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>One posting (or one response) does not have the shape its source promises; the message says how.</summary>
public sealed class PostingFormatException : Exception
{
    public PostingFormatException(string message) : base(message) { }

    public PostingFormatException(string message, Exception inner) : base(message, inner) { }

    public PostingFormatException() { }
}
