using System.Text.RegularExpressions;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

internal enum HeaderRole { Title, Company, Location, Unknown }

internal sealed record HeaderPiece(SourcedText Text, HeaderRole Role);

/// <summary>Splits the short lines heading a job entry into pieces and says which is title, employer or place.</summary>
internal static partial class EntryHeaderClassifier
{
    public static List<HeaderPiece> Pieces(TextLine line, DateRange? dates)
    {
        var pieces = new List<HeaderPiece>();
        foreach (var (start, end) in Gaps(line.Text))
        {
            if (dates is not null && start < dates.Index + dates.Length && dates.Index < end)
            {
                // The date belongs to no piece: keep the text before it (titles often precede it) and after it.
                AddPiece(pieces, line, start, dates.Index - start);
                AddPiece(pieces, line, dates.Index + dates.Length, end - dates.Index - dates.Length);
                continue;
            }
            AddPiece(pieces, line, start, end - start);
        }
        return pieces;
    }

    public static HeaderRole Classify(string text)
    {
        if (TitleVocabulary.EndsLikeTitle(text)) return HeaderRole.Title;
        if (IsPlace(text)) return HeaderRole.Location;
        if (TitleVocabulary.HasCompanyWord(text)) return HeaderRole.Company;
        if (TitleVocabulary.HasTitleWord(text)) return HeaderRole.Title;
        return HeaderRole.Unknown;
    }

    public static bool IsPlace(string text)
    {
        var match = ContactPatterns.CityRegion().Match(text);
        return match.Success && match.Length >= text.Trim().Length - 2 && !TitleVocabulary.HasCompanyWord(text);
    }

    private static void AddPiece(List<HeaderPiece> pieces, TextLine line, int start, int length)
    {
        if (length <= 0) return;
        var label = FieldLabel().Match(line.Text, start, length);
        if (label.Success) { start += label.Length; length -= label.Length; }
        var piece = LineText.Take(line, start, length);
        if (piece is null || !piece.Value.Any(char.IsLetter)) return;
        var local = piece.Source.Start - line.Start;
        // "Acme Corp, Boston, MA" and "Engineer, Acme Corp": commas separate a trailing place or a leading title.
        var commas = CommaPositions(piece.Value);
        foreach (var comma in commas)
        {
            var rest = piece.Value[(comma + 1)..];
            if (!IsPlace(rest)) continue;
            AddCommaParts(pieces, line, local, piece.Value[..comma]);
            AddClassified(pieces, line, local + comma + 1, rest.Length, HeaderRole.Location);
            return;
        }
        // "Laboremus Software Solutions, Oslo": after an employer, one or two capitalised words are its town.
        if (commas.Count > 0 && IsTown(piece.Value[(commas[^1] + 1)..]))
        {
            // "Copywriter, Saatchi & Saatchi, London": a leading title keeps its own piece.
            var titleFirst = commas.Count > 1 && TitleVocabulary.IsKnownTitle(piece.Value[..commas[0]]);
            var from = titleFirst ? commas[0] + 1 : 0;
            if (Classify(piece.Value[from..commas[^1]]) == HeaderRole.Company)
            {
                if (titleFirst) AddClassified(pieces, line, local, commas[0], HeaderRole.Title);
                AddClassified(pieces, line, local + from, commas[^1] - from, HeaderRole.Company);
                AddClassified(pieces, line, local + commas[^1] + 1, piece.Value.Length - commas[^1] - 1, HeaderRole.Location);
                return;
            }
        }
        if (commas.Count > 0 && TitleVocabulary.EndsLikeTitle(piece.Value[..commas[0]]))
        {
            AddCommaParts(pieces, line, local, piece.Value);
            return;
        }
        pieces.Add(Piece(piece, Classify(piece.Value)));
    }

    // "Phoenix, AZ 85006": the postcode is part of an address, not of the place's name.
    private static HeaderPiece Piece(SourcedText text, HeaderRole role)
    {
        if (role != HeaderRole.Location) return new HeaderPiece(text, role);
        var place = ContactPatterns.CityRegion().Match(text.Value).Groups["loc"];
        if (!place.Success || place.Index + place.Length == text.Value.Length) return new HeaderPiece(text, role);
        var value = text.Value[..(place.Index + place.Length)];
        return new HeaderPiece(new SourcedText(value, text.Source with { End = text.Source.Start + value.Length }), role);
    }

    // Title first, then the employer; employment types ("part-time") are no piece of their own.
    private static void AddCommaParts(List<HeaderPiece> pieces, TextLine line, int local, string text)
    {
        var start = 0;
        foreach (var end in CommaPositions(text).Append(text.Length))
        {
            var part = text[start..end].Trim();
            if (!EmploymentType().IsMatch(part)) AddClassified(pieces, line, local + start, end - start, null);
            start = end + 1;
        }
    }

    private static void AddClassified(List<HeaderPiece> pieces, TextLine line, int start, int length, HeaderRole? role)
    {
        var piece = LineText.Take(line, start, length);
        if (piece is not null && piece.Value.Any(char.IsLetter)) pieces.Add(Piece(piece, role ?? Classify(piece.Value)));
    }

    private static bool IsTown(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is 1 or 2 && words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '.' or '-'))
            && !TitleVocabulary.HasCompanyWord(text) && !TitleVocabulary.HasTitleWord(text);
    }

    // "Acme Mechanics, Inc": a comma before a legal suffix belongs to the company name.
    private static List<int> CommaPositions(string text) =>
        Enumerable.Range(0, text.Length).Where(i => text[i] == ',' && !LegalSuffix().IsMatch(text, i)).ToList();

    [GeneratedRegex(@"\G,\s*(?i:inc|llc|l\.l\.c|ltd|limited|corp|co|llp|l\.p|lp|plc|gmbh|s\.a|pvt\.?\s*ltd)\.?(?![A-Za-z])")]
    private static partial Regex LegalSuffix();

    [GeneratedRegex(@"\G\s*(?i:designation|title|position|role|job\s+title|company|employer|organi[sz]ation|client|present)\s*:\s*")]
    private static partial Regex FieldLabel();

    [GeneratedRegex(@"^(?i:part[\s-]?time|full[\s-]?time|contract(?:or)?|freelance|temporary|seasonal|internship|volunteer|remote)$")]
    private static partial Regex EmploymentType();

    private static IEnumerable<(int Start, int End)> Gaps(string text)
    {
        var start = 0;
        foreach (Match separator in Separator().Matches(text))
        {
            yield return (start, separator.Index);
            start = separator.Index + separator.Length;
        }
        yield return (start, text.Length);
    }

    // " - ", " | ", " at Acme", " @ ", tabs and parentheses separate pieces; commas do not ("Boston, MA" stays whole).
    // The "(P)" of "Twist Mobile India (P) Ltd" is part of the company name, not a separator.
    [GeneratedRegex(@"\s+[-–—|@•]\s+|\s*\|\s*|\t+|\s+at\s+(?=[A-Z])|\s*\((?!(?i:p|i|pvt)\)\s*(?i:ltd|limited))\s*|(?<!\((?i:p|i|pvt))\s*\)\s*|\s-$")]
    private static partial Regex Separator();
}
