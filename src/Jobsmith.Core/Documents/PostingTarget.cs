using System.Text.RegularExpressions;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Documents;

/// <summary>
/// What a posting asks for, in the form the engines rank facts by: its skills (catalogue canonical names, in
/// order of first mention with requirements before the description) and the content words of title and requirements.
/// </summary>
public sealed partial class PostingTarget
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "the", "with", "for", "you", "your", "our", "are", "will", "have", "has", "experience", "years", "year",
        "work", "working", "team", "strong", "ability", "skills", "knowledge", "of", "in", "to", "a", "an", "or", "on",
        "as", "is", "be", "we", "who", "that", "this", "using", "plus", "etc", "must", "should", "able", "good",
    };

    public string Title { get; }
    public string Company { get; }
    public IReadOnlyList<string> Skills { get; }
    public IReadOnlySet<string> Words { get; }

    public PostingTarget(JobPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        Title = posting.Title.Trim();
        Company = posting.Company.Trim();
        var skills = new List<string>();
        foreach (var text in new[] { posting.Title }.Concat(posting.Requirements).Append(posting.Description.Text))
            foreach (var mention in SkillExtractor.Default.Extract(text ?? ""))
                if (!skills.Contains(mention.Canonical, StringComparer.OrdinalIgnoreCase)) skills.Add(mention.Canonical);
        Skills = skills;
        var source = posting.Requirements.Count > 0 ? string.Join(' ', posting.Requirements) : posting.Description.Text;
        Words = ContentWords(posting.Title + " " + source);
    }

    public static HashSet<string> ContentWords(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length > 2 && !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Canonical skills named in a text.</summary>
    public static IReadOnlyList<string> SkillsIn(string text) =>
        [.. SkillExtractor.Default.Extract(text).Select(m => m.Canonical).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>How well a fact's text speaks to the posting: posting skills weigh three, shared words one.</summary>
    public int Relevance(string text)
    {
        var skills = SkillsIn(text).Count(s => Skills.Contains(s, StringComparer.OrdinalIgnoreCase));
        var words = ContentWords(text).Count(Words.Contains);
        return skills * 3 + words;
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}+#.]*")]
    private static partial Regex Word();
}
