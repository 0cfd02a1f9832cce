using System.Text.Json;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Inbox;

public enum InboxImportStatus
{
    Imported,
    /// <summary>This candidate already has a message with this Message-ID; nothing new was kept.</summary>
    Duplicate,
    /// <summary>The email could not be read; <see cref="InboxImportResult.Error"/> says why.</summary>
    Unreadable,
}

public sealed record InboxImportResult(InboxImportStatus Status, InboundEmailView? Email = null, string? Error = null);

/// <summary>
/// The import use case (G2), shared by IMAP polling, the inbound webhooks and uploads: read the email, keep it once
/// per candidate and Message-ID, tie it to its application, classify it, and apply what it means.
/// </summary>
public sealed class InboxService(AppDbContext db, ReplyMatcher matcher, ReplyClassifier classifier, ReplyEffects effects, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<InboxImportResult> ImportAsync(string userId, byte[] raw, string source, CancellationToken cancellationToken)
    {
        ParsedEmail email;
        try
        {
            email = MimeReader.Parse(raw);
        }
        catch (InboundEmailException e)
        {
            return new(InboxImportStatus.Unreadable, Error: e.Message);
        }
        return await ImportAsync(userId, email, source, cancellationToken);
    }

    public async Task<InboxImportResult> ImportAsync(string userId, ParsedEmail email, string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(email);
        if (await FinishExistingAsync(userId, email.MessageId, cancellationToken) is { } known) return known;

        var match = await matcher.MatchAsync(userId, email, cancellationToken);
        var classification = await classifier.ClassifyAsync(email, cancellationToken);
        var now = clock.GetUtcNow();
        var row = new InboundEmail
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            ApplicationId = match.ApplicationId,
            MessageId = email.MessageId,
            InReplyTo = email.InReplyTo.Truncate(MimeReader.MaxMessageId),
            FromAddress = email.FromAddress.Truncate(320),
            FromName = email.FromName.Truncate(200),
            Subject = email.Subject.Truncate(500),
            BodyText = email.Text.Truncate(InboundEmail.MaxText),
            AttachmentsJson = JsonSerializer.Serialize(email.Attachments, Json),
            Source = source,
            Category = classification.Category,
            ClassifiedBy = classification.Method,
            ClassificationReason = classification.Reason.Truncate(500),
            MatchedBy = match.Method,
            SentAt = email.SentAt?.UtcDateTime,
            ReceivedAt = now.UtcDateTime,
        };
        db.Set<InboundEmail>().Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same message imported at the same moment by another path: that import keeps it.
            db.ChangeTracker.Clear();
            return await FinishExistingAsync(userId, email.MessageId, cancellationToken) ?? new(InboxImportStatus.Duplicate);
        }
        await effects.ApplyAsync(row.Id, cancellationToken);
        return new(InboxImportStatus.Imported, await ViewAsync(row.Id, cancellationToken));
    }

    private async Task<InboxImportResult?> FinishExistingAsync(string userId, string messageId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<InboundEmail>().AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId && e.MessageId == messageId, cancellationToken);
        if (existing is null) return null;
        if (existing.EffectsAppliedAt is null) await effects.ApplyAsync(existing.Id, cancellationToken);
        return new(InboxImportStatus.Duplicate, await ViewAsync(existing.Id, cancellationToken));
    }

    private async Task<InboundEmailView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        InboundEmailView.Of(await db.Set<InboundEmail>().AsNoTracking().FirstAsync(e => e.Id == id, cancellationToken));
}
