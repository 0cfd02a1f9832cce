using System.IO.Compression;
using System.Text;

namespace Jobsmith.Tests.Profiles.Fixtures;

public sealed record MalformedFile(string Name, string Kind, byte[] Content);

/// <summary>Deterministic malformed inputs: truncations, byte flips, random bodies, zip bombs, deep nesting, huge entries.</summary>
public static class MalformedFiles
{
    private const string Resume = "Jane Doe\njane@example.com\nEXPERIENCE\nDeveloper\nAcme Inc - Boston, MA\n2019 - Present\n• Built things\nSKILLS\nC#, SQL";

    public static IEnumerable<MalformedFile> Pdfs(int seed, int count)
    {
        var random = new Random(seed);
        // Damage to the fixtures with unmapped glyphs too, whose fonts and content take other paths through poppler.
        byte[][] sources = [MinimalPdfWriter.SingleColumn(Resume), PdfFixtures.Load(PdfFixtures.ControlCharBullets), PdfFixtures.Load(PdfFixtures.NoUnicodeMap)];
        for (var i = 0; i < count; i++)
        {
            var valid = sources[i / 4 % sources.Length];
            yield return new MalformedFile($"fuzz{i}.pdf", "pdf", (i % 4) switch
            {
                0 => valid[..random.Next(1, valid.Length)],
                1 => Flip(valid, random, random.Next(1, 40)),
                2 => [.. "%PDF-1."u8, .. RandomBytes(random, random.Next(0, 4096))],
                _ => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(valid)
                    .Replace("/Count 1", $"/Count {random.Next(-5, int.MaxValue)}", StringComparison.Ordinal)
                    .Replace("startxref", random.Next(2) == 0 ? "startxref\n99999999" : "startxfer", StringComparison.Ordinal)),
            });
        }
    }

    public static IEnumerable<MalformedFile> Docxs(int seed, int count)
    {
        var random = new Random(seed);
        var valid = DocxFixtureWriter.Paragraphs(Resume, [["a", "b"]], "box");
        for (var i = 0; i < count; i++)
            yield return new MalformedFile($"fuzz{i}.docx", "docx", (i % 7) switch
            {
                0 => valid[..random.Next(1, valid.Length)],
                1 => Flip(valid, random, random.Next(1, 20)),
                2 => Zip(("word/document.xml", Bomb(64 + random.Next(64)))),
                3 => Zip(("word/document.xml", DeepNesting(random.Next(300, 20000)))),
                4 => Zip(Enumerable.Range(0, 2500).Select(n => ($"word/media/{n}.bin", new byte[1])).Append(("word/document.xml", new byte[1])).ToArray()),
                5 => Zip(("[Content_Types].xml", RandomBytes(random, 500)), ("word/document.xml", RandomBytes(random, random.Next(1, 5000)))),
                _ => Zip(("word/document.xml", HugeParagraph(random.Next(2, 6)))),
            });
    }

    public static IEnumerable<MalformedFile> Jsons(int seed, int count, byte[] sample)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return new MalformedFile($"fuzz{i}.json", "json", (i % 5) switch
            {
                0 => sample[..random.Next(1, sample.Length)],
                1 => Flip(sample, random, random.Next(1, 30)),
                2 => Encoding.UTF8.GetBytes("{\"basics\":" + new string('[', random.Next(65, 100000)) + new string(']', 10) + "}"),
                3 => [(byte)'{', .. RandomBytes(random, random.Next(0, 2000))],
                _ => Encoding.UTF8.GetBytes($"{{\"work\":[{{\"highlights\":[{random.Next()}],\"startDate\":{{}}}}],\"skills\":{random.Next()}}}"),
            });
    }

    private static byte[] Flip(byte[] source, Random random, int flips)
    {
        var copy = (byte[])source.Clone();
        for (var i = 0; i < flips; i++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        return stream.ToArray();
    }

    private static byte[] Bomb(int megabytes) => new byte[megabytes * 1024 * 1024];

    private const string WordNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    private static byte[] DeepNesting(int depth) => Encoding.UTF8.GetBytes(
        $"<w:document {WordNs}><w:body>" + string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth))
        + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth)) + "</w:body></w:document>");

    private static byte[] HugeParagraph(int megabytes) => Encoding.UTF8.GetBytes(
        $"<w:document {WordNs}><w:body><w:p><w:r><w:t>" + new string('a', megabytes * 1024 * 1024) + "</w:t></w:r></w:p></w:body></w:document>");
}
