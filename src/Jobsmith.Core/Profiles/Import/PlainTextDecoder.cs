using System.Text;
using System.Text.RegularExpressions;

namespace Jobsmith.Core.Profiles.Import;

/// <summary>Plain text and Markdown: UTF-8 (or UTF-16 with a BOM), binary content refused, Markdown markup stripped.</summary>
internal static partial class PlainTextDecoder
{
    public static string Decode(byte[] content)
    {
        string text;
        try
        {
            text = content switch
            {
                [0xFF, 0xFE, ..] => new UnicodeEncoding(false, true, true).GetString(content, 2, content.Length - 2),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(true, true, true).GetString(content, 2, content.Length - 2),
                [0xEF, 0xBB, 0xBF, ..] => FileKindDetector.StrictUtf8.GetString(content, 3, content.Length - 3),
                _ => FileKindDetector.StrictUtf8.GetString(content),
            };
        }
        catch (DecoderFallbackException)
        {
            // Old resumes saved as Windows-1252/Latin-1: every byte maps, so decode them that way.
            text = Encoding.Latin1.GetString(content);
        }
        // Real text files carry the odd stray control character (bullets from old word processors);
        // NUL bytes or many control characters mean binary content.
        var controls = text.Count(IsStrayControl);
        if (text.Contains('\0', StringComparison.Ordinal) || controls > Math.Max(2, text.Length / 100))
            throw new ResumeImportException(ResumeImportError.Unsupported, "The file is binary, not text; upload a PDF, DOCX or text file.");
        // Replaced one for one, so character offsets stay those of the file.
        return controls == 0 ? text : new string(text.Select(c => IsStrayControl(c) ? ' ' : c).ToArray());
    }

    private static bool IsStrayControl(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    public static string StripMarkdown(string text)
    {
        text = HeadingMarks().Replace(text, "");
        text = Emphasis().Replace(text, "$1");
        return Link().Replace(text, "$1 ($2)");
    }

    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}[ \t]+", RegexOptions.Multiline)]
    private static partial Regex HeadingMarks();

    [GeneratedRegex(@"(?:\*\*|__)(.+?)(?:\*\*|__)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
