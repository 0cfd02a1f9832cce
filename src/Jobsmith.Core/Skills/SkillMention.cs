namespace Jobsmith.Core.Skills;

/// <summary>A skill found in a text: <see cref="Start"/>/<see cref="End"/> are character offsets into the input
/// (End exclusive), <see cref="Text"/> the input's characters between them.</summary>
public sealed record SkillMention(
    string Text,
    int Start,
    int End,
    string Canonical,
    string SkillId,
    SkillCategory Category);
