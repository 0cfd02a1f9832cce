using System.CommandLine;
using System.Globalization;
using Jobsmith.Channels.BrowserForm;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Cli.Commands;

/// <summary>
/// `jobsmith apply` (F3, M3), two ways:
/// `--resume FILE --url URL --dry-run`: the resume's facts, read in memory, fill the form at the address through the
/// browser form channel, which stops before the final click and saves its screenshots. Ad hoc it only ever runs dry.
/// `--application ID [--dry-run]`: a stored application through the same runner the worker uses (see
/// <see cref="OperatorRun"/>): dry, it fills and stops; for real, it sends only a queued (approved) application.
/// </summary>
internal static class ApplyCommands
{
    public static Command Build()
    {
        var resume = new Option<FileInfo?>("--resume") { Description = "A resume: .pdf, .docx, .txt, .md or JSON Resume .json; it is also the file uploaded (with --url)" };
        var url = new Option<string?>("--url") { Description = "The application form's web address (with --resume)" };
        var application = new Option<string?>("--application") { Description = "A stored application's id: runs it as the submission worker would" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Fill the form and stop before the final submit (required for an ad-hoc run)" };
        var output = new Option<DirectoryInfo?>("--screenshots") { Description = "Folder for the screenshots (default: a new folder under the data folder)" };
        var apply = new Command("apply", "Fill an application form and stop before the final submit (--dry-run), saving screenshots; or send an approved application") { resume, url, application, dryRun, output };
        apply.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var id = result.GetValue(application);
            var folder = result.GetValue(output)?.FullName
                ?? Path.Combine(global.DataDirectory, "apply-runs", TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
            if (id is not null)
            {
                if (result.GetValue(resume) is not null || result.GetValue(url) is not null)
                    return CliOutput.Error("--application runs a stored application; leave out --resume and --url");
                if (!Guid.TryParse(id, out var applicationId)) return CliOutput.Error($"--application must be an application id: {id}");
                return await ApplyApplicationCommand.RunAsync(global, applicationId, result.GetValue(dryRun), folder, ct);
            }
            var file = result.GetValue(resume);
            var given = result.GetValue(url);
            if (file is null || given is null) return CliOutput.Error("give --application ID, or --resume FILE with --url URL");
            if (!file.Exists) return CliOutput.Error($"no such file: {file.FullName}");
            if (!Uri.TryCreate(given, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                return CliOutput.Error($"--url must be an http(s) address: {given}");
            if (!result.GetValue(dryRun))
                return CliOutput.Error("an ad-hoc apply runs only with --dry-run; real submissions go through an approved application");
            return await AdHocAsync(global, file, address, folder, ct);
        });
        return apply;
    }

    private static async Task<int> AdHocAsync(GlobalOptions global, FileInfo file, Uri address, string folder, CancellationToken ct)
    {
        await using var services = CliHost.BuildParsing(global);
        ParsedResume parsed;
        try
        {
            parsed = await services.GetRequiredService<ProfileParser>().ParseFileAsync(file.FullName, ct);
        }
        catch (ResumeImportException ex)
        {
            return CliOutput.Error(ex.Message);
        }

        var package = Package(parsed, await File.ReadAllBytesAsync(file.FullName, ct), file.Name, address);
        var settings = services.GetRequiredService<IConfiguration>().GetSection(BrowserFormOptions.Section).Get<BrowserFormOptions>() ?? new BrowserFormOptions();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        await using var browser = new FormBrowser(Options.Create(settings), loggers.CreateLogger<FormBrowser>());
        var channel = new BrowserFormChannel(browser, Options.Create(settings), TimeProvider.System, loggers.CreateLogger<BrowserFormChannel>());
        CliOutput.Progress($"filling {address} for {package.Candidate.Name} (dry run)…");
        var run = await channel.RunAsync(package, ct);

        Directory.CreateDirectory(folder);
        var shots = new List<string>();
        foreach (var proof in run.Result.ProofItems)
        {
            var path = Path.Combine(folder, proof.FileName);
            await File.WriteAllBytesAsync(path, proof.Content, ct);
            shots.Add(path);
        }
        CliOutput.Progress($"screenshots saved in {folder}");

        var escalation = run.Result.Outcome == SubmissionOutcome.Escalate ? new { reason = run.Result.Escalation, details = run.Result.Details, questions = run.OpenQuestions } : null;
        var report = new
        {
            url = address.AbsoluteUri,
            outcome = run.Result.Outcome,
            details = run.Result.Details,
            pages = run.Pages,
            fields = run.Fields.Select(f => new { label = f.Label, name = f.Name, id = f.Id, automationId = f.AutomationId, kind = f.Kind, required = f.Required, value = f.Value, source = f.Source, page = f.Page }),
            uploads = run.Uploads.Select(u => new { question = u.Question, fileName = u.FileName, bytes = u.Bytes, sha256 = u.Sha256 }),
            escalation,
            screenshot = shots.LastOrDefault(),
            screenshots = shots,
            folder,
        };
        var filled = run.Fields.Count(f => f.Value is not null);
        return CliOutput.Result(global, report, $"{run.Result.Outcome}: {run.Result.Details} {filled} of {run.Fields.Count} fields filled; screenshots in {folder}");
    }

    /// <summary>An ad-hoc package: the resume's facts and an empty answer bank answer the form; the resume file is the upload.</summary>
    private static SubmissionPackage Package(ParsedResume parsed, byte[] content, string fileName, Uri url)
    {
        var (applicationId, postingId) = (Guid.NewGuid(), Guid.NewGuid());
        var sheet = new FactSheet(DocumentDrafting.FactsOf(parsed));
        // Nothing is known of the posting but its address: no company is named and no posting skill is claimed.
        var posting = new PostingTarget(new JobPosting
        {
            SourceKind = "cli", ExternalId = url.AbsoluteUri, Title = "advertised", Company = "",
            Description = new PostingDescription("", ""), Application = new ApplicationRoute(ApplicationType.Form, "cli"), ApplyUrl = url,
        });
        var files = new[] { SubmissionFiles.Create(SubmissionFileKinds.Resume, fileName, ContentType(fileName), content, Guid.NewGuid(), 1, applicationId, postingId) };
        var contact = new CandidateContact(sheet.First("name")?.Value ?? "", sheet.First("email")?.Value ?? "", sheet.First("phone")?.Value, sheet.First("location")?.Value);
        return new SubmissionPackage(applicationId, "cli", postingId, $"cli-{applicationId:N}", "", "", url, null, contact, files, null,
            new ProfileFormAnswerer(sheet, posting, AnswerBank.Empty, files), DryRun: true);
    }

    private static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".json" => "application/json",
        ".md" => "text/markdown",
        _ => "text/plain",
    };
}
