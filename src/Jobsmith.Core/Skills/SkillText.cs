namespace Jobsmith.Core.Skills;

/// <summary>A token of text: <see cref="Norm"/> is the lower-cased surface form used as the trie key.</summary>
internal readonly record struct SkillToken(int Start, int End, string Norm);

/// <summary>
/// The one tokenizer shared by the catalogue builder (aliases) and the extractor (input text), so both sides
/// agree on what a token is. Tech names keep their symbols: "C++", "C#", ".NET", "Node.js", "R&amp;D" are single
/// tokens; hyphens, slashes and other punctuation separate tokens.
/// </summary>
internal static class SkillText
{
    public static List<SkillToken> Tokenize(string text)
    {
        var tokens = new List<SkillToken>();
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
            tokens.Add(new SkillToken(start, i, text[start..i].ToLowerInvariant()));
        }
        return tokens;
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
    public static string Surface(string text, IReadOnlyList<SkillToken> tokens, int from, int toExclusive)
    {
        if (toExclusive - from == 1) return text[tokens[from].Start..tokens[from].End];
        var parts = new string[toExclusive - from];
        for (var k = from; k < toExclusive; k++) parts[k - from] = text[tokens[k].Start..tokens[k].End];
        return string.Join(' ', parts);
    }

    public static string Surface(string phrase)
    {
        var tokens = Tokenize(phrase);
        return Surface(phrase, tokens, 0, tokens.Count);
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
