using System.Security.Cryptography;
using System.Text;
using Jobsmith.Core.Notifications.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>
/// F3: applies by email to the address the posting gives. The email is plain and honest: the cover letter (or a short
/// note made only from the package), the candidate's resume and cover letter attached after <see cref="SubmissionFileCheck"/>,
/// replies going to the candidate, and a Message-ID made from the idempotency key so a repeat is recognisable (F6).
/// With SMTP configured it is sent there; without, it is written to the outbox and handed to the candidate to send,
/// since a file on this server has reached no employer.
/// </summary>
public sealed class EmailApplicationChannel(IOptions<EmailOptions> options, SmtpEmailTransport smtp, OutboxEmailTransport outbox, TimeProvider clock)
    : ISubmissionChannel
{
    public string Name => ChannelNames.Email;

    public async Task<SubmissionResult> SubmitAsync(SubmissionPackage package, CancellationToken cancellationToken)
    {
        var to = package.ApplyEmail?.Trim();
        if (string.IsNullOrEmpty(to))
            return new(SubmissionOutcome.NotSent, "This job gives no email address to apply to, so nothing was sent.");
        if (!EmailMime.IsMailbox(to))
            return new(SubmissionOutcome.NotSent, $"The job's application address \"{to}\" is not a single valid email address, so nothing was sent.");
        if (!EmailMime.IsMailbox(package.Candidate.Email))
            return new(SubmissionOutcome.NotSent, "Your profile has no valid email address for the employer to reply to, so nothing was sent.");
        if (SubmissionFileCheck.Problem(package) is { } problem)
            return new(SubmissionOutcome.NotSent, problem);

        var o = options.Value;
        var mime = EmailMime.Build(Compose(package, to, MessageIdFor(package.IdempotencyKey, o.From)), o.From, clock.GetUtcNow());
        var proof = new ProofItem(ProofKinds.SentEmail, $"application-{package.ApplicationId:N}.eml", "message/rfc822", EmailMime.ToBytes(mime),
            $"To {to}, Message-ID <{mime.MessageId}>, attached: {Attached(package)}");

        if (package.DryRun)
            return new(SubmissionOutcome.NotSent, $"Dry run: the application email to {to} was prepared and not sent.", Proof: [proof]);

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var file = await outbox.WriteAsync(mime, cancellationToken);
            return new(SubmissionOutcome.Escalate,
                $"No mail server is configured, so the application email to {to} was saved in the outbox as {Path.GetFileName(file)} "
                + "and has not been sent. Send it from your own mail client, then mark the application done.",
                EscalationReasons.Manual, [proof]);
        }

        try
        {
            var reply = await smtp.DeliverAsync(mime, cancellationToken);
            return new(SubmissionOutcome.Sent, $"Emailed the application to {to} (attached: {Attached(package)}).", Proof: [proof], Confirmation: reply);
        }
        catch (SmtpDeliveryException e) when (e.Failure == SmtpFailure.Uncertain)
        {
            return new(SubmissionOutcome.Unknown, $"{e.Message} Check before sending again: look for Message-ID <{mime.MessageId}>.", Proof: [proof]);
        }
        catch (SmtpDeliveryException e)
        {
            return new(SubmissionOutcome.NotSent, $"{e.Message} Nothing was sent.");
        }
    }

    /// <summary>
    /// The Message-ID for a send: the idempotency key at the From address's domain, so the same application always
    /// carries the same ID (a key with characters a Message-ID cannot hold is hashed instead).
    /// </summary>
    public static string MessageIdFor(string idempotencyKey, string from)
    {
        var domain = MailboxAddress.Parse(from).Domain;
        var local = idempotencyKey.Length is > 0 and <= 64 && idempotencyKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            && !idempotencyKey.StartsWith('.') && !idempotencyKey.EndsWith('.') && !idempotencyKey.Contains("..", StringComparison.Ordinal)
            ? idempotencyKey
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        return $"{local}@{domain}";
    }

    private static EmailMessage Compose(SubmissionPackage package, string to, string messageId) =>
        new(to, $"Application: {package.Title} — {package.Candidate.Name}", Body(package))
        {
            FromName = $"{package.Candidate.Name} via Jobsmith",
            ReplyTo = package.Candidate.Email,
            MessageId = messageId,
            Attachments = [.. package.Files.Select(f => new EmailAttachment(f.FileName, f.ContentType, f.Content))],
        };

    // The cover letter when there is one; otherwise a short note that states only what the package holds.
    private static string Body(SubmissionPackage package)
    {
        if (!string.IsNullOrWhiteSpace(package.CoverLetterText)) return package.CoverLetterText.Trim() + "\n";
        var c = package.Candidate;
        var text = new StringBuilder()
            .Append("Dear ").Append(package.Company).Append(" hiring team,\n\n")
            .Append("I would like to apply for the ").Append(package.Title).Append(" position");
        text.Append(package.ApplyUrl is { } url ? $" ({url}).\n" : ".\n");
        var resume = package.FileOf(SubmissionFileKinds.Resume) is not null;
        var letter = package.FileOf(SubmissionFileKinds.CoverLetter) is not null;
        if (resume || letter)
            text.Append(resume && letter ? "My resume and cover letter are attached.\n" : resume ? "My resume is attached.\n" : "My cover letter is attached.\n");
        text.Append("\nKind regards,\n").Append(c.Name).Append('\n').Append(c.Email).Append('\n');
        if (!string.IsNullOrWhiteSpace(c.Phone)) text.Append(c.Phone).Append('\n');
        return text.ToString();
    }

    private static string Attached(SubmissionPackage package) =>
        package.Files.Count == 0 ? "nothing" : string.Join(", ", package.Files.Select(f => $"{f.FileName} (v{f.Version})"));
}
