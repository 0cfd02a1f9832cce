namespace Jobsmith.Core.Notifications.Sms;

/// <summary>One text message to one phone number (E.164).</summary>
public sealed record SmsMessage(string To, string Body);

/// <summary>Sends a text message; throws <see cref="SmsException"/> when the provider refuses it or cannot be reached.</summary>
public interface ISmsSender
{
    /// <summary>Returns the provider's id for the message (Twilio's SID, or the outbox file name).</summary>
    Task<string> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

public sealed class SmsException(string message, Exception? inner = null) : Exception(message, inner);
