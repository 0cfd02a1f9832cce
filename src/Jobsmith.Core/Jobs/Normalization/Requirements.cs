using System.Text.RegularExpressions;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>
/// Pulls the bullet items under a requirements-like heading ("Requirements", "What you bring", "Qualifications").
/// Skill extraction from these lines is the Skills feature's job.
/// </summary>
public static partial class Requirements
{
    private const int MaxHeadingLength = 80;

    public static IReadOnlyList<string> Extract(IReadOnlyList<TextBlock> blocks) =>
        Extract(TextBlocks.RenderText(blocks), TextBlocks.Layout(blocks));

    // Over a description's text and layout, so only the requirement lines become strings.
    internal static IReadOnlyList<string> Extract(string text, ReadOnlySpan<BlockSpan> layout)
    {
        var result = new List<string>();
        var inSection = false;
        foreach (var block in layout)
        {
            if (block.Kind == BlockKind.Bullet)
            {
                if (inSection) result.Add(text.Substring(block.Start, block.Length));
                continue;
            }
            if (block.Length <= MaxHeadingLength)
                inSection = HeadingPattern().IsMatch(text.AsSpan(block.Start, block.Length));
            else if (inSection)
                inSection = false;
        }
        return result;
    }

    [GeneratedRegex(@"\b(requirements?|qualifications?|what you('ll)? bring|what we('re)? look(ing)? for|you (have|bring|are)|about you|must[- ]haves?|skills|experience|who you are|your profile|ideal candidate|nice[- ]to[- ]haves?|bonus)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPattern();
}
