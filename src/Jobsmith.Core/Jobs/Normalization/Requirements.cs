using System.Text.RegularExpressions;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>
/// Pulls the bullet items under a requirements-like heading ("Requirements", "What you bring", "Qualifications").
/// Skill extraction from these lines is the Skills feature's job.
/// </summary>
public static partial class Requirements
{
    private const int MaxHeadingLength = 80;

    public static IReadOnlyList<string> Extract(IReadOnlyList<TextBlock> blocks)
    {
        var result = new List<string>();
        var inSection = false;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Bullet)
            {
                if (inSection) result.Add(block.Text);
                continue;
            }
            if (block.Text.Length <= MaxHeadingLength)
                inSection = HeadingPattern().IsMatch(block.Text);
            else if (inSection)
                inSection = false;
        }
        return result;
    }

    [GeneratedRegex(@"\b(requirements?|qualifications?|what you('ll)? bring|what we('re)? look(ing)? for|you (have|bring|are)|about you|must[- ]haves?|skills|experience|who you are|your profile|ideal candidate|nice[- ]to[- ]haves?|bonus)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPattern();
}
