using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Jobsmith.Core.Inbox;

/// <summary>The periodic IMAP poll (G2): every candidate with a connected mailbox, one after the other.</summary>
[DisallowConcurrentExecution]
public sealed class InboxPollJob(AppDbContext db, ImapPoller poller) : IJob
{
    public static readonly JobKey Key = new("inbox-poll", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var users = await db.Set<InboxSettings>().AsNoTracking()
            .Where(s => s.ImapHost != null && s.ImapUsername != null && s.ImapProtectedPassword != null)
            .Select(s => s.UserId).ToListAsync(cancellationToken);
        foreach (var user in users) await poller.PollAsync(user, cancellationToken);
    }
}
