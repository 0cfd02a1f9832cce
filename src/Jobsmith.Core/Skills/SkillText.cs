namespace Jobsmith.Core.Skills;

/// <summary>A token of text: <see cref="Norm"/> is the lower-cased surface form used as the trie key.</summary>
internal readonly record struct SkillToken(int Start, int End, string Norm);

internal readonly record struct TokenRange(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// The one tokenizer shared by the catalogue builder (aliases) and the extractor (input text), so both sides
/// agree on what a token is. Tech names keep their symbols: "C++", "C#", ".NET", "Node.js", "R&amp;D" are single
/// tokens; hyphens, slashes and other punctuation separate tokens.
/// </summary>
internal static class SkillText
{
    public static List<SkillToken> Tokenize(string text)
    {
        var ranges = new List<TokenRange>();
        Scan(text, ranges);
        return ranges.ConvertAll(r => new SkillToken(r.Start, r.End, text[r.Start..r.End].ToLowerInvariant()));
    }

    /// <summary>The token boundaries of a text, appended to <paramref name="tokens"/>, without allocating strings.</summary>
    public static void Scan(string text, List<TokenRange> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var leadingDot = c == '.' && i + 1 < text.Length && char.IsLetter(text[i + 1])
                && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));
            if (!char.IsLetterOrDigit(c) && !leadingDot)
            {
                i++;
                continue;
            }
            var start = i;
            i = leadingDot ? i + 1 : i;
            i = ScanWord(text, i);
            tokens.Add(new TokenRange(start, i));
        }
    }

    private static int ScanWord(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c == '.' || c == '&') && char.IsLetterOrDigit(next))
            {
                i++;
                continue;
            }
            if (c is '+' or '#')
            {
                // "C++", "C#", "Notepad++": a run of + or # glued to a word and not followed by another word.
                var j = i;
                while (j < text.Length && text[j] == c) j++;
                if (j < text.Length && char.IsLetterOrDigit(text[j])) return i;
                return j;
            }
            return i;
        }
        return i;
    }

    /// <summary>The normalized key of a phrase: its tokens' norms joined by single spaces.</summary>
    public static string Key(string phrase) => string.Join(' ', Tokenize(phrase).Select(t => t.Norm));

    /// <summary>The surface form used for exact-case aliases: the tokens' original text joined by single spaces.</summary>
    public static string Surface(string text, List<TokenRange> tokens) =>
        string.Join(' ', tokens.Select(t => text[t.Start..t.End]));

    /// <summary>Whether the tokens [from, to) of a text, joined by single spaces, read exactly <paramref name="surface"/>.</summary>
    public static bool SurfaceEquals(string surface, string text, List<TokenRange> tokens, int from, int toExclusive)
    {
        var pos = 0;
        for (var k = from; k < toExclusive; k++)
        {
            if (k > from)
            {
                if (pos >= surface.Length || surface[pos] != ' ') return false;
                pos++;
            }
            var t = tokens[k];
            if (pos + t.Length > surface.Length
                || !surface.AsSpan(pos, t.Length).SequenceEqual(text.AsSpan(t.Start, t.Length))) return false;
            pos += t.Length;
        }
        return pos == surface.Length;
    }

    public static string Surface(string phrase)
    {
        var tokens = new List<TokenRange>();
        Scan(phrase, tokens);
        return Surface(phrase, tokens);
    }

    /// <summary>
    /// Whether the characters between two tokens may sit inside one skill phrase: spaces
    /// and at most one joiner such as "-", "/", "_" or an apostrophe. Commas, full stops, brackets and line breaks
    /// (list items in resumes) end a phrase.
    /// </summary>
    public static bool IsJoiningGap(string text, int from, int to)
    {
        var joiners = 0;
        for (var k = from; k < to; k++)
        {
            var c = text[k];
            if (c is '\n' or '\r') return false;
            if (c is '-' or '/' or '_' or '\'' or '\u2019' or '\u2010' or '\u2011')
            {
                if (++joiners > 1) return false;
            }
            else if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }
}
