using System.CommandLine;
using Jobsmith.Core.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

/// <summary>
/// `jobsmith inbox classify FILE` (G2, M3): reads one saved email (.eml) the way an import does and says what it is:
/// rejection, interview, offer, confirmation or other, by the rules or by the model when one is configured.
/// A pure function of the file: no database, nothing kept.
/// </summary>
internal static class InboxCommands
{
    public sealed record ClassifyOutput(string File, string MessageId, string From, string? FromName, string Subject, DateTimeOffset? SentAt,
        string Category, string ClassifiedBy, string Reason, bool TextFromHtml, IReadOnlyList<InboundAttachment> Attachments);

    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "One email as saved by a mail client (.eml, RFC 5322)" };
        var classify = new Command("classify", "Say whether an employer's email is a rejection, interview invitation, offer, confirmation or other") { file };
        classify.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var path = result.GetValue(file)!;
            if (!path.Exists) return CliOutput.Error($"no such file: {path.FullName}");
            if (path.Length > MimeReader.MaxBytes) return CliOutput.Error($"{path.Name} is larger than {MimeReader.MaxBytes / (1024 * 1024)} MB");
            ParsedEmail email;
            try
            {
                email = MimeReader.Parse(await File.ReadAllBytesAsync(path.FullName, ct));
            }
            catch (InboundEmailException ex)
            {
                return CliOutput.Error($"{path.Name}: {ex.Message}");
            }
            await using var services = CliHost.BuildWithoutDatabase(global, s => s.AddInboxClassifier());
            await using var scope = services.CreateAsyncScope();
            var verdict = await scope.ServiceProvider.GetRequiredService<ReplyClassifier>().ClassifyAsync(email, ct);
            var output = new ClassifyOutput(path.FullName, email.MessageId, email.FromAddress, email.FromName, email.Subject, email.SentAt,
                verdict.Category, verdict.Method, verdict.Reason, email.TextFromHtml, email.Attachments);
            return CliOutput.Result(global, output, $"{verdict.Category} ({verdict.Method}: {verdict.Reason}) — \"{email.Subject}\" from {email.FromAddress}");
        });
        return new Command("inbox", "Employer replies") { classify };
    }
}
