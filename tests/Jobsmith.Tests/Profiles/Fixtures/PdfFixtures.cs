namespace Jobsmith.Tests.Profiles.Fixtures;

/// <summary>
/// The PDF files in Pdfs/ (see its README) and byte-for-byte variants of them: the content streams are
/// uncompressed and their strings need no escapes, so swapping one drawn code for another keeps every offset.
/// </summary>
public static class PdfFixtures
{
    public const string ControlCharBullets = "control-char-bullets.pdf";
    public const string NoUnicodeMap = "no-unicode-map.pdf";

    /// <summary>Control codes pdftotext passes through into its XHTML (it drops 0 and 9 to 13 as white space).</summary>
    public static readonly byte[] PassedThroughControlCodes = [.. Enumerable.Range(1, 31).Where(c => c is < 9 or > 13).Select(c => (byte)c)];

    public static byte[] Load(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Profiles", "Fixtures", "Pdfs", name));

    /// <summary>The bullet-and-separator resume with each symbol glyph drawn as one of the given control codes.</summary>
    public static byte[] BulletsDrawnAs(Random random, IReadOnlyList<byte> codes)
    {
        var pdf = Load(ControlCharBullets);
        ReadOnlySpan<byte> glyph = "(\u0005) Tj"u8;
        for (var at = pdf.AsSpan().IndexOf(glyph); at >= 0;)
        {
            pdf[at + 1] = codes[random.Next(codes.Count)];
            var next = pdf.AsSpan(at + 1).IndexOf(glyph);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return pdf;
    }

    /// <summary>
    /// The unmapped-font resume with its codes shuffled: every code 0x21–0x7e except parentheses and backslash
    /// has a glyph name without a Unicode value, so any permutation is another font whose text layer is junk.
    /// </summary>
    public static byte[] ShuffledCodes(Random random)
    {
        var pdf = Load(NoUnicodeMap);
        var usable = Enumerable.Range(33, 94).Where(c => c is not (40 or 41 or 92)).Select(c => (byte)c).ToArray();
        var shuffled = usable.ToArray();
        random.Shuffle(shuffled);
        var map = new byte[256];
        for (var i = 0; i < map.Length; i++) map[i] = (byte)i;
        for (var i = 0; i < usable.Length; i++) map[usable[i]] = shuffled[i];
        ReadOnlySpan<byte> start = " Td ("u8, end = ") Tj"u8;
        for (var at = pdf.AsSpan().IndexOf(start); at >= 0;)
        {
            var from = at + start.Length;
            var to = from + pdf.AsSpan(from).IndexOf(end);
            for (var i = from; i < to; i++) pdf[i] = map[pdf[i]];
            var next = pdf.AsSpan(to).IndexOf(start);
            at = next < 0 ? -1 : to + next;
        }
        return pdf;
    }
}
