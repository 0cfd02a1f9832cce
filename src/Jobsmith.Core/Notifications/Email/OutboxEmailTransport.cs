using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jobsmith.Core.Notifications.Email;

/// <summary>
/// Writes each message as an RFC 5322 .eml file (the same MIME as SMTP would carry, attachments included), so a
/// self-hosted instance without a mail server still delivers reset links and reports somewhere a person can open them.
/// </summary>
public sealed class OutboxEmailTransport(IOptions<EmailOptions> email, IOptions<JobsmithOptions> jobsmith, TimeProvider clock) : IEmailTransport
{
    public string Folder => jobsmith.Value.PathInData(email.Value.OutboxFolder);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        await WriteAsync(EmailMime.Build(message, email.Value.From, clock.GetUtcNow()), cancellationToken);

    /// <summary>Writes the message whole (a reader never sees half a file) and returns the file's path.</summary>
    public async Task<string> WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var path = Path.Combine(Folder, $"{now:yyyyMMddTHHmmssfff}-{Guid.CreateVersion7(now):N}.eml");
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, EmailMime.ToBytes(message), cancellationToken);
        File.Move(temp, path);
        return path;
    }
}
