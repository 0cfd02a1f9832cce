namespace Jobsmith.Core.Skills;

public enum SkillCategory
{
    Technical,
    Soft,
    Domain,
}
