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
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(10);
    private const long ManagedMemoryLimit = 768L * 1024 * 1024;

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
            if (GC.GetTotalMemory(false) > ManagedMemoryLimit) failures.Add($"{file.Name} left the heap above {ManagedMemoryLimit >> 20} MB");
        });

        output.WriteLine($"{files.Count} files in {total.Elapsed.TotalSeconds:0.0} s");
        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal)) output.WriteLine($"{outcome,-28} {count}");
        Assert.True(files.Count >= 1000);
        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
    }
}
