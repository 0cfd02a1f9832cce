namespace Jobsmith.Core.Skills;

/// <summary>Seniority hint parsed from a job title, in rising order; <see cref="Unknown"/> when the title gives none.</summary>
public enum Seniority
{
    Unknown,
    Intern,
    Junior,
    Mid,
    Senior,
    Lead,
    Principal,
    Manager,
    Director,
    Executive,
}
