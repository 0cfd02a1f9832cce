using MimeKit;

namespace Jobsmith.Web.Tests.Support;

/// <summary>Reads the .eml files the app writes when no SMTP host is set; mail is queued, so it waits for it.</summary>
public static class Outbox
{
    /// <summary>The decoded text of the first mail to <paramref name="to"/> with <paramref name="subject"/>.</summary>
    public static async Task<string> WaitForMailAsync(string dataFolder, string to, string subject, int timeoutSeconds = 30)
    {
        var outbox = Path.Combine(dataFolder, "outbox");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var mail = Directory.Exists(outbox)
                ? Directory.GetFiles(outbox, "*.eml").Select(path => MimeMessage.Load(path))
                    .FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
                : null;
            if (mail is not null) return mail.TextBody ?? "";
            Assert.True(waited.Elapsed.TotalSeconds < timeoutSeconds, $"no mail \"{subject}\" to {to} within {timeoutSeconds} s");
            await Task.Delay(100);
        }
    }
}
