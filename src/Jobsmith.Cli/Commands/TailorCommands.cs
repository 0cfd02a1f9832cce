using System.CommandLine;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Profiles.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

/// <summary>
/// `jobsmith tailor --resume FILE --posting ID_OR_FILE --out DIR` (E1–E6, M3): the resume's facts, read in memory,
/// drafted into a resume, cover letter and answers for one posting by the same engines and check as the web app,
/// written as PDF and DOCX with a provenance report of every line's facts, the flags and the coverage.
/// </summary>
internal static class TailorCommands
{
    private static readonly Dictionary<string, string> FileNames = new(StringComparer.Ordinal)
    {
        [DocumentKinds.Resume] = "resume", [DocumentKinds.CoverLetter] = "cover-letter", [DocumentKinds.Answers] = "answers",
    };

    public static Command Build()
    {
        var resume = new Option<FileInfo>("--resume") { Description = "A resume: .pdf, .docx, .txt, .md or JSON Resume .json", Required = true };
        var posting = new Option<string>("--posting") { Description = "A stored posting's id, or a posting file (text, Markdown, HTML, or a JSON Resume job)", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the documents and provenance.json into", Required = true };
        var template = new Option<string?>("--template") { Description = "Design of the PDF and DOCX (default: the first one)" };
        var tailor = new Command("tailor", "Write a tailored resume, cover letter and form answers for one posting, every line traced to the resume") { resume, posting, output, template };
        tailor.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var file = result.GetValue(resume)!;
            var target = result.GetValue(posting)!;
            var folder = result.GetValue(output)!;
            if (!file.Exists) return CliOutput.Error($"no such file: {file.FullName}");

            using var host = CliHost.Build(global);
            var services = host.Services;
            var renderer = services.GetRequiredService<IDocumentRenderer>();
            var design = result.GetValue(template);
            if (design is not null && !renderer.Templates.Contains(design, StringComparer.Ordinal))
                return CliOutput.Error($"--template must be one of: {string.Join(", ", renderer.Templates)}");
            var (job, jobId, error) = await PostingAsync(host, target, ct);
            if (job is null) return CliOutput.Error(error!);
            ParsedResume parsed;
            try
            {
                parsed = await services.GetRequiredService<ProfileParser>().ParseFileAsync(file.FullName, ct);
            }
            catch (ResumeImportException ex)
            {
                return CliOutput.Error(ex.Message);
            }

            var facts = DocumentDrafting.FactsOf(parsed);
            var documents = DocumentDrafting.Compose(facts, job, jobId, TimeProvider.System.GetUtcNow().UtcDateTime);
            CliOutput.Progress($"drafted {documents.Count} documents for \"{job.Title}\" from {facts.Count} facts; rendering…");
            folder.Create();
            var written = new List<string>();
            foreach (var document in documents)
            {
                var name = FileNames[document.Kind];
                written.Add(await WriteAsync(folder, $"{name}.pdf", (await renderer.PdfAsync(document, design, ct)).Content, ct));
                written.Add(await WriteAsync(folder, $"{name}.docx", (await renderer.DocxAsync(document, design, ct)).Content, ct));
            }
            var letter = documents.Single(d => d.Kind == DocumentKinds.CoverLetter);
            written.Add(await WriteAsync(folder, "cover-letter.md", Encoding.UTF8.GetBytes(string.Join("\n\n", letter.Lines.Select(l => l.Text)) + "\n"), ct));
            var answers = documents.Single(d => d.Kind == DocumentKinds.Answers).Lines
                .Select(l => new { question = l.Section, answer = l.Text.Length > 0 ? l.Text : null, factIds = l.FactIds }).ToArray();
            written.Add(await WriteAsync(folder, "answers.json", JsonSerializer.SerializeToUtf8Bytes(answers, CliOutput.Json), ct));
            var report = Report(job, jobId, documents, facts);
            written.Add(await WriteAsync(folder, "provenance.json", JsonSerializer.SerializeToUtf8Bytes(report, CliOutput.Json), ct));

            var flagged = documents.Sum(d => d.Flags.Count);
            return CliOutput.Result(global, new { files = written, report.Check, documents = report.Documents },
                $"wrote {written.Count} files to {folder.FullName}; {report.Check.Lines} lines, {flagged} flagged; "
                + $"covers {report.Documents[0].Coverage.Covered.Count} of {report.Documents[0].Coverage.Covered.Count + report.Documents[0].Coverage.Missing.Count} posting skills");
        });
        return tailor;
    }

    public sealed record LineReport(string Section, string Text, IReadOnlyList<string> FactIds);

    public sealed record DocumentReport(string Kind, IReadOnlyList<LineReport> Lines, IReadOnlyList<LineFlag> Flags, Coverage Coverage, IReadOnlyList<string> Notes);

    public sealed record CheckReport(int Lines, int Flagged, bool Passed);

    public sealed record ProvenanceReport(object Posting, IReadOnlyDictionary<string, string> Facts, CheckReport Check, IReadOnlyList<DocumentReport> Documents);

    private static ProvenanceReport Report(JobPosting job, Guid? jobId, IReadOnlyList<DocumentView> documents, IReadOnlyList<ProfileFact> facts)
    {
        var lines = documents.Sum(d => d.Lines.Count);
        var flagged = documents.Sum(d => d.Flags.Select(f => f.Line).Distinct().Count());
        return new(new { id = jobId, job.Title, job.Company },
            facts.Where(f => !f.Deleted).ToDictionary(f => f.Id, f => f.Value, StringComparer.Ordinal),
            new CheckReport(lines, flagged, flagged == 0),
            [.. documents.Select(d => new DocumentReport(d.Kind, [.. d.Lines.Select(l => new LineReport(l.Section, l.Text, l.FactIds))], d.Flags, d.Coverage, d.Notes))]);
    }

    // A file when one exists at that path; otherwise the id of a posting stored in the data folder.
    private static async Task<(JobPosting? Posting, Guid? Id, string? Error)> PostingAsync(Microsoft.Extensions.Hosting.IHost host, string target, CancellationToken ct)
    {
        if (File.Exists(target))
        {
            var text = await File.ReadAllTextAsync(target, ct);
            if (text.Length == 0) return (null, null, $"the posting file is empty: {target}");
            var trimmed = text.TrimStart();
            JobPosting? parsed;
            if (Path.GetExtension(target).Equals(".json", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith('{') || trimmed.StartsWith('['))
            {
                // A JSON Resume job object, or an array whose first job is used.
                var payload = trimmed.StartsWith('{') ? $"[{text}]" : text;
                var ingestion = host.Services.GetRequiredService<JobIngestion>();
                parsed = ingestion.ImportPayload(JsonResumeJobSource.Kind, payload, null).Batch.Postings is [var first, ..] ? first : null;
            }
            else
            {
                // The paste source reads the title line and "Salary:"-style fields; it needs no network for text in hand.
                using var fetcher = new SafeHttpFetcher(new FetcherOptions(), TimeProvider.System);
                parsed = new PasteSource(fetcher).Parse(text, null).Postings is [var pasted, ..] ? pasted : null;
            }
            return parsed is null ? (null, null, $"no posting could be read from {target}") : (parsed, null, null);
        }
        if (!Guid.TryParse(target, out var id)) return (null, null, $"--posting is neither a file nor a stored posting id: {target}");
        using var scope = await CliHost.MigratedScopeAsync(host, ct);
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredPosting>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return row is null ? (null, null, $"no stored posting with id {id} in the data folder") : (StoredPostingReader.ToPosting(row), id, null);
    }

    private static async Task<string> WriteAsync(DirectoryInfo folder, string name, byte[] content, CancellationToken ct)
    {
        var path = Path.Combine(folder.FullName, name);
        await File.WriteAllBytesAsync(path, content, ct);
        return path;
    }
}
