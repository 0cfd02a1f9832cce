using System.Text.Json;
using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications.Sms;

/// <summary>
/// The default without an SMS provider: each text becomes a small JSON file (to, body, time) in the SMS outbox folder,
/// written whole, so a self-hosted instance shows what it would have texted.
/// </summary>
public sealed class OutboxSmsSender(IOptions<SmsOptions> sms, IOptions<JobsmithOptions> jobsmith, TimeProvider clock) : ISmsSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder => jobsmith.Value.PathInData(sms.Value.OutboxFolder);

    public async Task<string> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMddTHHmmssfff}-{Guid.CreateVersion7(now):N}.json";
        var path = Path.Combine(Folder, name);
        await File.WriteAllTextAsync(path + ".tmp", JsonSerializer.Serialize(new { to = message.To, body = message.Body, createdAt = now }, Json), cancellationToken);
        File.Move(path + ".tmp", path);
        return name;
    }
}
