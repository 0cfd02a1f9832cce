namespace Jobsmith.Web.Tests.Support;

/// <summary>Reads the .eml files the app writes when no SMTP host is set; mail is queued, so it waits for it.</summary>
public static class Outbox
{
    public static async Task<string> WaitForMailAsync(string dataFolder, string to, string subject, int timeoutSeconds = 30)
    {
        var outbox = Path.Combine(dataFolder, "outbox");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var mail = Directory.Exists(outbox)
                ? Directory.GetFiles(outbox, "*.eml").Select(File.ReadAllText)
                    .FirstOrDefault(text => text.Contains($"To: {to}\r\n", StringComparison.Ordinal) && text.Contains($"Subject: {subject}\r\n", StringComparison.Ordinal))
                : null;
            if (mail is not null) return mail;
            Assert.True(waited.Elapsed.TotalSeconds < timeoutSeconds, $"no mail \"{subject}\" to {to} within {timeoutSeconds} s");
            await Task.Delay(100);
        }
    }
}
