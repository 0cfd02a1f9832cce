using System.Buffers.Binary;
using System.IO.Compression;

namespace Jobsmith.Core.Reports;

/// <summary>
/// The weekly report's chart for the email (G4): a PNG drawn here, because mail clients show neither the page's
/// Chart.js canvas nor (many of them) SVG. Two bars per day, applications sent and employer answers, with the counts
/// above and the weekday below in a small built-in pixel font; no graphics library or system font is needed.
/// </summary>
public static class ReportChart
{
    public const int Width = 560;
    public const int Height = 220;
    public static readonly (byte R, byte G, byte B) SentColour = (0x20, 0x6b, 0xc4);
    public static readonly (byte R, byte G, byte B) AnswerColour = (0x2f, 0xb3, 0x44);
    private static readonly (byte, byte, byte) Ink = (0x49, 0x50, 0x57);
    private static readonly (byte, byte, byte) Rule = (0xdc, 0xe1, 0xe7);
    private static readonly string[] DayNames = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    public static byte[] Png(IReadOnlyList<ReportDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var canvas = new Canvas(Width, Height);
        const int left = 20, right = Width - 20, top = 28, baseline = Height - 34;
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => Math.Max(d.Submitted, d.Answers)));
        canvas.Fill(left, baseline, right - left, 2, Rule);
        var slot = (right - left) / 7;
        for (var i = 0; i < 7; i++)
        {
            var day = i < days.Count ? days[i] : new ReportDay(default, 0, 0);
            var x = left + i * slot + (slot - 2 * 22 - 6) / 2;
            Bar(canvas, x, baseline, top, max, day.Submitted, SentColour);
            Bar(canvas, x + 28, baseline, top, max, day.Answers, AnswerColour);
            var label = DayNames[i];
            canvas.Text(left + i * slot + (slot - PixelFont.Width(label, 2)) / 2, baseline + 10, label, 2, Ink);
        }
        return canvas.ToPng();
    }

    private static void Bar(Canvas canvas, int x, int baseline, int top, int max, int value, (byte, byte, byte) colour)
    {
        var height = value == 0 ? 0 : Math.Max(3, (baseline - top) * value / max);
        canvas.Fill(x, baseline - height, 22, height, colour);
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        canvas.Text(x + (22 - PixelFont.Width(text, 2)) / 2, baseline - height - 18, text, 2, colour);
    }

    private sealed class Canvas(int width, int height)
    {
        private readonly byte[] _rgb = Enumerable.Repeat((byte)0xff, width * height * 3).ToArray();

        public void Fill(int x, int y, int w, int h, (byte R, byte G, byte B) c)
        {
            for (var row = Math.Max(0, y); row < Math.Min(height, y + h); row++)
                for (var col = Math.Max(0, x); col < Math.Min(width, x + w); col++)
                {
                    var i = (row * width + col) * 3;
                    (_rgb[i], _rgb[i + 1], _rgb[i + 2]) = c;
                }
        }

        public void Text(int x, int y, string text, int scale, (byte, byte, byte) c)
        {
            foreach (var ch in text)
            {
                var glyph = PixelFont.Glyph(ch);
                for (var row = 0; row < 7; row++)
                    for (var col = 0; col < 5; col++)
                        if (glyph[row][col] == '#') Fill(x + col * scale, y + row * scale, scale, scale, c);
                x += 6 * scale;
            }
        }

        public byte[] ToPng()
        {
            using var png = new MemoryStream();
            png.Write([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8;  // bits per channel
            header[9] = 2;  // truecolour RGB
            Chunk(png, "IHDR", header);
            using (var raw = new MemoryStream())
            {
                using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
                    for (var row = 0; row < height; row++)
                    {
                        zlib.WriteByte(0);  // no filter
                        zlib.Write(_rgb, row * width * 3, width * 3);
                    }
                Chunk(png, "IDAT", raw.ToArray());
            }
            Chunk(png, "IEND", []);
            return png.ToArray();
        }

        private static void Chunk(Stream png, string type, byte[] data)
        {
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
            png.Write(number);
            var typed = new byte[4 + data.Length];
            System.Text.Encoding.ASCII.GetBytes(type, typed);
            data.CopyTo(typed, 4);
            png.Write(typed);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
            png.Write(number);
        }

        private static uint Crc32(byte[] bytes)
        {
            var crc = 0xffffffffu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
            }
            return ~crc;
        }
    }
}

/// <summary>A 5×7 pixel font for digits and the weekday letters the chart writes.</summary>
internal static class PixelFont
{
    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['0'] = [" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### "],
        ['1'] = ["  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "],
        ['2'] = [" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"],
        ['3'] = ["#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "],
        ['4'] = ["   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "],
        ['5'] = ["#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "],
        ['6'] = ["  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "],
        ['7'] = ["#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "],
        ['8'] = [" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "],
        ['9'] = [" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "],
        ['A'] = [" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
        ['D'] = ["#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### "],
        ['E'] = ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####"],
        ['F'] = ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#    "],
        ['H'] = ["#   #", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
        ['I'] = [" ### ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "],
        ['M'] = ["#   #", "## ##", "# # #", "# # #", "#   #", "#   #", "#   #"],
        ['N'] = ["#   #", "##  #", "# # #", "#  ##", "#   #", "#   #", "#   #"],
        ['O'] = [" ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "],
        ['R'] = ["#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #"],
        ['S'] = [" ####", "#    ", "#    ", " ### ", "    #", "    #", "#### "],
        ['T'] = ["#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  "],
        ['U'] = ["#   #", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "],
        ['W'] = ["#   #", "#   #", "#   #", "# # #", "# # #", "## ##", "#   #"],
    };

    private static readonly string[] Blank = ["     ", "     ", "     ", "     ", "     ", "     ", "     "];

    public static string[] Glyph(char c) => Glyphs.TryGetValue(char.ToUpperInvariant(c), out var g) ? g : Blank;

    public static int Width(string text, int scale) => text.Length == 0 ? 0 : (text.Length * 6 - 1) * scale;
}
