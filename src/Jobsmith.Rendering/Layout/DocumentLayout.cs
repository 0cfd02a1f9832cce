using System.Globalization;
using System.Text.RegularExpressions;
using Jobsmith.Core.Documents;

namespace Jobsmith.Rendering.Layout;

/// <summary>
/// Reads a stored document's lines (Section, Text) into printable sections. The engines' conventions are the input
/// format: a resume's first Header line is the name and the next holds contacts joined by " | "; experience and
/// education lines join their parts with " · "; bullets start with "• "; a form answer's Section is its question.
/// </summary>
public static partial class DocumentLayout
{
    public const string BulletPrefix = "• ";
    private const string EntrySeparator = " · ";
    private const string ContactSeparator = " | ";

    // The headings applicant tracking systems look for, by the engines' section names.
    private static readonly Dictionary<string, string> Headings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Summary"] = "Summary", ["Skills"] = "Skills", ["Experience"] = "Experience", ["Education"] = "Education",
        ["Projects"] = "Projects", ["Certifications"] = "Certifications", ["Languages"] = "Languages",
    };

    public static PrintedDocument Read(DocumentView document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Kind switch
        {
            DocumentKinds.CoverLetter => Letter(document.Lines),
            DocumentKinds.Answers => Answers(document.Lines),
            _ => Resume(document.Lines),
        };
    }

    public static string HeadingFor(string section) => Headings.TryGetValue(section, out var heading) ? heading : section;

    private static PrintedDocument Resume(IReadOnlyList<DocumentLine> lines)
    {
        var sections = new List<Section>();
        var name = "";
        foreach (var group in Runs(lines))
        {
            if (group.Key == "Header")
            {
                var blocks = new List<Block>();
                foreach (var line in group.Lines)
                {
                    if (blocks.Count == 0 && name.Length == 0) { name = line.Text; blocks.Add(Block.Of(BlockKind.Name, line.Text)); }
                    else blocks.Add(new Block(BlockKind.Contact, line.Text, Split(line.Text, ContactSeparator)));
                }
                sections.Add(new Section(null, blocks));
                continue;
            }
            var isEntries = group.Key is "Experience" or "Education";
            var isList = group.Key is "Skills" or "Languages";
            sections.Add(new Section(HeadingFor(group.Key), [.. group.Lines.Select(line =>
                line.Text.StartsWith(BulletPrefix, StringComparison.Ordinal) ? Block.Of(BlockKind.Bullet, line.Text[BulletPrefix.Length..].Trim())
                : isEntries ? new Block(BlockKind.Entry, line.Text, [.. Split(line.Text, EntrySeparator).Select(ReadableDates)])
                : Labelled(line.Text, isList))]));
        }
        return new PrintedDocument(DocumentKinds.Resume, name.Length > 0 ? $"{name} — Resume" : "Resume", sections);
    }

    private static PrintedDocument Letter(IReadOnlyList<DocumentLine> lines)
    {
        var blocks = lines.Where(l => l.Text.Length > 0)
            .Select(l => Block.Of(l.Section == "Signature" ? BlockKind.Signature : BlockKind.Paragraph, l.Text)).ToList();
        return new PrintedDocument(DocumentKinds.CoverLetter, "Cover letter", [new Section(null, blocks)]);
    }

    private static PrintedDocument Answers(IReadOnlyList<DocumentLine> lines) =>
        new(DocumentKinds.Answers, "Application answers",
            [new Section("Application answers", [.. lines.Select(l => new Block(BlockKind.Question, l.Section, [l.Section], Answer: l.Text))])]);

    // "Relevant: Rust, Go" prints its label apart from the list; a sentence with a colon later on stays one paragraph.
    // In a list each item is its own piece, so no template wraps "Computer Science" across two lines.
    private static Block Labelled(string text, bool isList)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        var labelled = colon is > 0 and <= 24 && !text[..colon].Contains(' ', StringComparison.Ordinal);
        var rest = labelled ? text[(colon + 2)..] : text;
        return new Block(BlockKind.Paragraph, text, isList ? Split(rest, ", ") : [rest], Label: labelled ? text[..(colon + 1)] : null);
    }

    /// <summary>
    /// Profile dates are stored as "2020-01"; a resume prints "Jan 2020", the form people and resume parsers read.
    /// Only the format changes: the same month of the same cited fact.
    /// </summary>
    public static string ReadableDates(string text) => YearMonth().Replace(text, m =>
        CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) + " " + m.Groups[1].Value);

    [GeneratedRegex(@"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])\b")]
    private static partial Regex YearMonth();

    private static IReadOnlyList<string> Split(string text, string separator) =>
        [.. text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    // Consecutive lines of one section print under one heading; the engines never interleave sections.
    private static IEnumerable<(string Key, List<DocumentLine> Lines)> Runs(IReadOnlyList<DocumentLine> lines)
    {
        (string Key, List<DocumentLine> Lines)? current = null;
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l.Text)))
        {
            if (current is { } run && run.Key == line.Section) { run.Lines.Add(line); continue; }
            if (current is { } done) yield return done;
            current = (line.Section, [line]);
        }
        if (current is { } last) yield return last;
    }
}
