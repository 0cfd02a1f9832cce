using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Tests.Profiles.Fixtures;
using Xunit.Abstractions;

namespace Jobsmith.Tests.Profiles;

/// <summary>R2: malformed uploads never crash, hang or blow memory; each is either parsed or refused with a clear error.</summary>
public sealed class ImportFuzzTests(ITestOutputHelper output)
{
    // A guard against hangs, not a speed test: a busy 2-core machine took 23 s for one file, so it is set well above.
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(60);
    // Other test classes share the process, so the per-file ceiling is generous; what must not happen is
    // a decompression bomb or runaway parse reaching gigabytes, or memory retained after the run.
    private const long ManagedMemoryCeiling = 1536L * 1024 * 1024;
    private const long RetainedMemoryLimit = 384L * 1024 * 1024;

    [SkippableFact]
    public async Task Malformed_pdf_docx_and_json_files_fail_cleanly()
    {
        PopplerCheck.Require();
        var sample = Encoding.UTF8.GetBytes("""{"basics":{"name":"Jane Doe","email":"jane@example.com"},"work":[{"name":"Acme","position":"Dev","startDate":"2019-01","highlights":["Built"]}],"skills":[{"name":"Web","keywords":["HTML"]}]}""");
        var files = MalformedFiles.Pdfs(seed: 11, count: 360)
            .Concat(MalformedFiles.Docxs(seed: 12, count: 350))
            .Concat(MalformedFiles.Jsons(seed: 13, count: 350, sample))
            .ToList();
        var parser = new ProfileParser(new ResumeImportOptions { ToolTimeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);
        var outcomes = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentBag<string>();
        var total = Stopwatch.StartNew();

        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (file, _) =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var timeout = new CancellationTokenSource(PerFileLimit);
                await parser.ParseAsync(file.Content, file.Name, timeout.Token);
                outcomes.AddOrUpdate($"{file.Kind}: parsed", 1, (_, n) => n + 1);
            }
            catch (ResumeImportException ex) when (!string.IsNullOrWhiteSpace(ex.Message))
            {
                outcomes.AddOrUpdate($"{file.Kind}: {ex.Error}", 1, (_, n) => n + 1);
            }
            catch (Exception ex)
            {
                failures.Add($"{file.Kind} {file.Name}: {ex.GetType().Name}: {ex.Message}");
            }
            if (clock.Elapsed > PerFileLimit) failures.Add($"{file.Name} took {clock.Elapsed.TotalSeconds:0.0} s");
            if (GC.GetTotalMemory(false) > ManagedMemoryCeiling) failures.Add($"{file.Name} pushed the heap above {ManagedMemoryCeiling >> 20} MB");
        });

        files.Clear();
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{outcomes.Values.Sum()} files in {total.Elapsed.TotalSeconds:0.0} s; {retained >> 20} MB retained afterwards");
        Assert.True(retained < RetainedMemoryLimit, $"{retained >> 20} MB still retained after the run");
        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal)) output.WriteLine($"{outcome,-28} {count}");
        Assert.True(outcomes.Values.Sum() + failures.Count >= 1000);
        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
    }

    /// <summary>
    /// Issue 8 item 16: a glyph a font cannot map must not refuse a readable PDF, and a font without any Unicode
    /// map must not turn into facts. Each round redraws the symbol glyphs with random control codes and shuffles
    /// the unmapped font's codes.
    /// </summary>
    [SkippableFact]
    public async Task Unmapped_glyphs_never_refuse_a_readable_pdf_nor_import_junk()
    {
        PopplerCheck.Require();
        var random = new Random(17);
        var importer = new ResumeImporter(new ResumeImportOptions { ToolTimeout = TimeSpan.FromSeconds(5) });
        var failures = new List<string>();
        for (var round = 0; round < 15; round++)
        {
            try
            {
                var text = await importer.ImportAsync(PdfFixtures.BulletsDrawnAs(random, PdfFixtures.PassedThroughControlCodes), "bullets.pdf");
                if (!text.Lines.Any(l => l.Text == "• Built the billing platform in C# and PostgreSQL"))
                    failures.Add($"round {round}: bullet line lost: {text.Text}");
                if (text.Text.Any(c => char.IsControl(c) && c != '\n')) failures.Add($"round {round}: control character kept");
            }
            catch (ResumeImportException ex)
            {
                failures.Add($"round {round}: readable PDF refused as {ex.Error}: {ex.Message}");
            }

            try
            {
                var junk = await importer.ImportAsync(PdfFixtures.ShuffledCodes(random), "junk.pdf");
                failures.Add($"round {round}: text of an unmapped font imported: {junk.Lines[0].Text}");
            }
            catch (ResumeImportException ex) when (ex.Error != ResumeImportError.NoTextLayer)
            {
                failures.Add($"round {round}: unmapped font refused as {ex.Error} instead of {ResumeImportError.NoTextLayer}");
            }
            catch (ResumeImportException)
            {
                // Read like a scan: the expected outcome.
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
    }
}
