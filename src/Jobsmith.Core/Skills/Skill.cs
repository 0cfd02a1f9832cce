namespace Jobsmith.Core.Skills;

/// <summary>One catalogue entry. <paramref name="Id"/> is stable across catalogue rebuilds as long as the
/// source label is unchanged (<c>esco:</c>, <c>onet:</c> or <c>x:</c> for hand-written facts, then a slug).</summary>
public sealed record Skill(
    string Id,
    string Name,
    SkillCategory Category,
    IReadOnlyList<string> Aliases,
    bool Hot = false,
    bool InDemand = false,
    string? ToolCategory = null);
