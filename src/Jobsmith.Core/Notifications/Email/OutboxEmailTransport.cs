using System.Text;
using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications.Email;

/// <summary>
/// Writes each message as an RFC 5322 .eml file, so a self-hosted instance without a mail server still
/// delivers reset links and reports somewhere a person can open them.
/// </summary>
public sealed class OutboxEmailTransport(IOptions<EmailOptions> email, IOptions<JobsmithOptions> jobsmith, TimeProvider clock) : IEmailTransport
{
    public string Folder => jobsmith.Value.PathInData(email.Value.OutboxFolder);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var text = new StringBuilder()
            .Append("Message-ID: <").Append(id).Append("@jobsmith.local>\r\n")
            .Append("Date: ").Append(now.ToString("r")).Append("\r\n")
            .Append("From: ").Append(HeaderSafe(email.Value.From)).Append("\r\n")
            .Append("To: ").Append(HeaderSafe(message.To)).Append("\r\n")
            .Append("Subject: ").Append(HeaderSafe(message.Subject)).Append("\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.TextBody.ReplaceLineEndings("\r\n"))
            .ToString();
        var path = Path.Combine(Folder, $"{now:yyyyMMddTHHmmssfff}-{id:N}.eml");
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path);
    }

    // Header injection guard: a subject or address can never add headers of its own.
    private static string HeaderSafe(string value) => value.Replace('\r', ' ').Replace('\n', ' ');
}
