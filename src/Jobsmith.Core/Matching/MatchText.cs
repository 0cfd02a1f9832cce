namespace Jobsmith.Core.Matching;

/// <summary>
/// The one tokenizer lexical and semantic matching share: lower-case runs of letters and digits, keeping
/// '+' and '#' glued on (c++, c#) because skills hinge on them. GloVe's vocabulary is lower-case too.
/// </summary>
public static class MatchText
{
    // Function words carry no relevance and would dominate both BM25 postings lists and SIF sums.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "is", "it", "its",
        "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "will", "with", "you", "your",
        "us", "who", "what", "which", "can", "all", "more", "not", "they", "them", "how", "do", "if", "so", "than",
        "into", "about", "also", "such", "other", "any", "each", "both", "these", "those", "would", "should", "may",
    };

    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || ((c == '+' || c == '#') && length > 0))
            {
                if (length < buffer.Length) buffer[length++] = char.ToLowerInvariant(c);
                continue;
            }
            Flush(buffer, ref length, tokens);
        }
        Flush(buffer, ref length, tokens);
        return tokens;
    }

    private static void Flush(Span<char> buffer, ref int length, List<string> tokens)
    {
        if (length == 0) return;
        var token = new string(buffer[..length]);
        length = 0;
        if (!StopWords.Contains(token)) tokens.Add(token);
    }
}
