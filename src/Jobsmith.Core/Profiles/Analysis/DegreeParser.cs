using System.Text.RegularExpressions;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>A degree as stated ("Bachelor of Science in Computer Science"), split into degree and field.</summary>
internal sealed record DegreeStatement(SourcedText Statement, SourcedText Degree, SourcedText? Field, SourcedText? Institution);

internal static partial class DegreeParser
{
    public static DegreeStatement? Find(TextLine line)
    {
        var match = Degree().Match(line.Text);
        if (!match.Success) return null;
        var rest = line.Text[match.Index..];
        var cut = StatementEnd().Match(rest, Math.Min(rest.Length, match.Length));
        // "Ph.D. (Economics)", "Master of Business Administration (MBA)": a short parenthesis belongs to the degree.
        if (cut.Success && cut.Value.TrimStart() == "(" && rest.IndexOf(')', cut.Index) is var close and > 0 && close - cut.Index <= 40)
            cut = StatementEnd().Match(rest, close + 1);
        var statementLength = cut.Success ? cut.Index : rest.Length;
        var dates = DateRangeParser.FindSingle(rest[..statementLength]);
        if (dates is not null) statementLength = dates.Index;
        // "B.E Anna University": a school named straight after the degree ends the statement.
        SourcedText? school = null;
        var inside = InstitutionRules.Name().Match(rest[..statementLength], match.Length);
        if (inside.Success && inside.Index > match.Length)
        {
            school = LineText.Take(line, match.Index + inside.Index, inside.Length);
            statementLength = inside.Index;
        }
        var statement = LineText.Take(line, match.Index, statementLength);
        if (statement is null) return null;

        var text = line.Text.Substring(match.Index, statementLength);
        var fieldAt = FieldStart().Match(text);
        var degree = fieldAt.Success ? LineText.Take(line, match.Index, fieldAt.Index) : statement;
        var field = fieldAt.Success ? LineText.Take(line, match.Index + fieldAt.Index + fieldAt.Length, statementLength - fieldAt.Index - fieldAt.Length) : null;
        // Indeed exports fill an empty field with a word of the degree ("Bachelor of Technology in Technology"): that is no field.
        if (field is not null && degree is not null && IsEcho(field.Value, degree.Value))
        {
            statement = degree;
            field = null;
        }
        var institution = school ?? (cut.Success ? InstitutionAfter(line, match.Index + cut.Index) : null);
        return new DegreeStatement(statement, degree ?? statement, field, institution);
    }

    private static bool IsEcho(string field, string degree) =>
        !field.Contains(' ', StringComparison.Ordinal) && field.Length >= 4
        && degree.Contains(field[..4], StringComparison.OrdinalIgnoreCase);

    private static SourcedText? InstitutionAfter(TextLine line, int from)
    {
        var after = line.Text[from..];
        var institutionMatch = InstitutionRules.Name().Match(after);
        return institutionMatch.Success ? LineText.Take(line, from + institutionMatch.Index, institutionMatch.Length) : null;
    }

    // Abbreviations are matched case-sensitively so "as", "ma" or "me" in prose do not count; "Boston, MA" is a place.
    [GeneratedRegex(@"(?<![A-Za-z])(?:(?i:bachelor|master|doctor(?:ate)?|associate)(?:['’]?s)?(?=\s+(?i:of|in|degree|program|'|’))|(?i:bachelor|master)(?:['’]?s)?\b(?!\s+(?i:thesis|project|class|student|card|plan|data))|(?i:diploma|ph\.?\s?d\.?|high\s+school|higher\s+secondary|senior\s+secondary|secondary\s+school|matriculation|intermediate|post\s?graduat\w*|graduate\s+diploma|pgdm|pgdba)|(?<!,\s)(?:B\.?\s?E\.?|B\.?\s?Tech|M\.?\s?Tech|B\.?\s?Sc\.?|M\.?\s?Sc\.?|B\.\s?A\.?|M\.\s?A\.?|BA|MA|B\.?\s?S\.?|M\.?\s?S\.?|B\.?\s?Com|M\.?\s?Com|BBA|BCA|MCA|MBA|M\.B\.A\.?|B\.?\s?Ed|M\.?\s?Ed|LLB|LLM|MBBS|B\.?\s?Arch|BFA|MFA|BEng|MEng|BSN|MSN|B\.?\s?Pharm|M\.?\s?Pharm|HSC|SSC|SSLC|CBSE|GED|12th|10th|XII|X))(?![A-Za-z])")]
    private static partial Regex Degree();

    // A statement ends at a comma, a dash, a bar, a parenthesis, "from"/"at" before the school, or a tab.
    [GeneratedRegex(@"\s*(?:,|\s[-–—|]\s|\||\(|\t|\s+(?:from|at)\s+)")]
    private static partial Regex StatementEnd();

    [GeneratedRegex(@"\s+(?:in|-)\s+|\s*:\s*")]
    private static partial Regex FieldStart();
}

internal static partial class InstitutionRules
{
    public static bool IsInstitution(string text) =>
        text.Trim().Length <= 100 && LineText.WordCount(text) <= 14 && LineText.BulletContentStart(text) < 0 && Name().IsMatch(text);

    /// <summary>The institution name, without a trailing " - City, State".</summary>
    public static SourcedText? Take(TextLine line)
    {
        var match = Name().Match(line.Text);
        return match.Success ? LineText.Take(line, match.Index, match.Length) : null;
    }

    // Capitalised words before the keyword ("Pune University") and "of ..." after it ("University of Pune").
    [GeneratedRegex(@"(?:[A-Z][\w.'&-]*\s+(?:(?:of|for|and|&)\s+)?){0,5}(?i:University|College|Institute|School|Academy|Polytechnic|Vidyalaya|Vidyapeeth|Conservatory|Seminary|Universit[àéä]t?|Universidad|Universidade|Mahavidyalaya)\b(?:\s+(?:of|for|and|&|at|in)(?:\s+the)?\s+[A-Z][\w.'&-]*|\s+[A-Z][\w.'&-]*)*")]
    public static partial Regex Name();
}
