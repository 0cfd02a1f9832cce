using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Jobsmith.Core.Profiles;
using Jobsmith.Tests.Profiles.Fixtures;

namespace Jobsmith.Bench.Profiles;

/// <summary>
/// Resume parsing throughput (import + analysis) for PDF, DOCX and TXT, against bare <c>pdftotext</c> on
/// the same PDFs. Fixtures are generated from the first dotin resume texts: PDFs with the test suite's
/// minimal PDF writer (every fourth one in two columns), DOCX with the Open XML SDK. Each benchmark
/// parses the whole batch, so the reported mean is per resume (OperationsPerInvoke); resumes/s = 1 / mean.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ResumeThroughputBenchmarks
{
    private const int BatchSize = 20;
    private readonly ProfileParser parser = new(TimeProvider.System);
    private List<byte[]> pdfs = [];
    private List<byte[]> docxs = [];
    private List<byte[]> texts = [];
    private List<string> pdfPaths = [];
    private string directory = "";

    [GlobalSetup]
    public void Setup()
    {
        var records = DotinCorpus.Read(BenchData.DotinZip()).Take(BatchSize).ToList();
        texts = records.Select(r => Encoding.UTF8.GetBytes(r.Text)).ToList();
        docxs = records.Select(r => DocxFixtureWriter.Paragraphs(r.Text)).ToList();
        pdfs = records.Select((r, i) => i % 4 == 3 ? TwoColumns(r.Text) : MinimalPdfWriter.SingleColumn(r.Text)).ToList();
        directory = Directory.CreateTempSubdirectory("jobsmith-bench-").FullName;
        pdfPaths = pdfs.Select((pdf, i) => Path.Combine(directory, $"{i}.pdf")).ToList();
        for (var i = 0; i < pdfs.Count; i++) File.WriteAllBytes(pdfPaths[i], pdfs[i]);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(directory, recursive: true);

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public async Task BarePdfToText()
    {
        foreach (var path in pdfPaths)
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public async Task ParsePdf()
    {
        for (var i = 0; i < pdfs.Count; i++) await parser.ParseAsync(pdfs[i], $"{i}.pdf");
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public async Task ParseDocx()
    {
        for (var i = 0; i < docxs.Count; i++) await parser.ParseAsync(docxs[i], $"{i}.docx");
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public async Task ParseTxt()
    {
        for (var i = 0; i < texts.Count; i++) await parser.ParseAsync(texts[i], $"{i}.txt");
    }

    private static byte[] TwoColumns(string text)
    {
        var lines = text.Split('\n');
        var half = lines.Length / 2;
        return MinimalPdfWriter.TwoColumns(string.Join('\n', lines[..half]), string.Join('\n', lines[half..]));
    }
}
