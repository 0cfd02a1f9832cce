using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Jobsmith.Core.Documents;
using Jobsmith.Rendering;
using Jobsmith.Rendering.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jobsmith.Bench.Documents;

/// <summary>
/// E3: one tailored one-page resume to HTML, to PDF with the warm reused Chromium, and to DOCX; per document.
/// Targets on 2 cores: PDF ≤ 50 ms, DOCX ≤ 5 ms. Beside them, <c>pdflatex</c> compiling the same lines as a
/// one-page LaTeX article (the row is left out, with a note, when pdflatex is not installed). Cleanup prints the
/// resident memory of the browser and Playwright driver processes after the run.
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- --filter '*RenderingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet's GlobalCleanup disposes the browser.")]
public class RenderingBenchmarks
{
    private static readonly string? Pdflatex = new[] { "/usr/bin/pdflatex", "/usr/local/bin/pdflatex" }.FirstOrDefault(File.Exists);

    private PdfBrowser _browser = null!;
    private DocumentRenderer _renderer = null!;
    private DocumentView _resume = null!;
    private string _latexDirectory = "";

    [GlobalSetup]
    public async Task Setup()
    {
        var options = Options.Create(new RenderingOptions());
        _browser = new PdfBrowser(options, NullLogger<PdfBrowser>.Instance);
        _renderer = new DocumentRenderer(_browser, options, new ServiceCollection().BuildServiceProvider());
        _resume = await BenchResume.TailoredAsync();
        var watch = Stopwatch.StartNew();
        var first = await _renderer.PdfAsync(_resume, "plain", CancellationToken.None);
        Console.WriteLine($"// first PDF (browser start included): {watch.ElapsedMilliseconds} ms, {first.Content.Length / 1024} KB; " +
                          $"DOCX {(await _renderer.DocxAsync(_resume, "plain", CancellationToken.None)).Content.Length / 1024} KB");
        _latexDirectory = Directory.CreateTempSubdirectory("jobsmith-bench-tex-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_latexDirectory, "resume.tex"), BenchResume.Latex(_resume));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        Console.WriteLine($"// browser launches: {_browser.Launches}; {ChildProcessMemory.Describe()}");
        await _browser.DisposeAsync();
        Directory.Delete(_latexDirectory, recursive: true);
    }

    [Benchmark]
    public async Task<int> Html() => (await _renderer.HtmlAsync(_resume, "plain", CancellationToken.None)).Length;

    [Benchmark(Baseline = true)]
    public async Task<int> PdfWarm() => (await _renderer.PdfAsync(_resume, "plain", CancellationToken.None)).Content.Length;

    [Benchmark]
    public async Task<int> Docx() => (await _renderer.DocxAsync(_resume, "plain", CancellationToken.None)).Content.Length;

    [Benchmark]
    public async Task<int> PdflatexSameResume()
    {
        using var process = Process.Start(new ProcessStartInfo(Pdflatex!, ["-interaction=batchmode", "-halt-on-error", "resume.tex"])
        {
            WorkingDirectory = _latexDirectory, RedirectStandardOutput = true,
        })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("pdflatex failed; see resume.log in " + _latexDirectory);
        return (int)new FileInfo(Path.Combine(_latexDirectory, "resume.pdf")).Length;
    }

    /// <summary>In process, so the one warm browser is shared by the cases as it is by a running host.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
            if (Pdflatex is null)
            {
                Console.WriteLine("// pdflatex is not installed: the LaTeX comparison row is left out (apt-get install texlive-latex-base).");
                AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name != nameof(PdflatexSameResume)));
            }
        }
    }
}

/// <summary>Resident memory of this process's descendants (Chromium and the Playwright driver), read from /proc.</summary>
internal static class ChildProcessMemory
{
    public static string Describe()
    {
        if (!Directory.Exists("/proc")) return "process memory: /proc not available";
        var parents = new Dictionary<int, int>();
        var names = new Dictionary<int, string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                names[pid] = stat[(stat.IndexOf('(') + 1)..close];
                parents[pid] = int.Parse(stat[(close + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
        }
        var descendants = new HashSet<int>();
        var frontier = new Queue<int>([Environment.ProcessId]);
        while (frontier.TryDequeue(out var parent))
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
                if (descendants.Add(child)) frontier.Enqueue(child);
        long Rss(int pid)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException) { return 0; }
        }
        var groups = descendants.GroupBy(pid => names[pid].StartsWith("chrom", StringComparison.Ordinal) ? "chromium" : names[pid])
            .Select(g => $"{g.Key} {g.Count()} processes {g.Sum(Rss) / 1024} MB RSS");
        return $"own process {Rss(Environment.ProcessId) / 1024} MB RSS; " + string.Join("; ", groups) + " (RSS counts shared pages once per process)";
    }
}
