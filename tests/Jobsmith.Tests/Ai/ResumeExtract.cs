namespace Jobsmith.Tests.Ai;

// The resume-extract.v1 target shape from ARCHITECTURE.md's CLI contract (without the derived fields).
// Single values default to null so a model that omits one is not a failure; lists are required.
internal sealed record ResumeExtract(
    IReadOnlyList<string> Links,
    IReadOnlyList<ResumeJob> Experience,
    IReadOnlyList<ResumeEducation> Education,
    IReadOnlyList<string> Skills,
    string? Name = null,
    string? Email = null,
    string? Phone = null,
    string? Location = null,
    string? Summary = null);

internal sealed record ResumeJob(
    IReadOnlyList<string> Bullets,
    string? Title = null,
    string? Company = null,
    string? Location = null,
    string? Start = null,
    string? End = null);

internal sealed record ResumeEducation(
    string? Degree = null,
    string? Field = null,
    string? Institution = null,
    string? Start = null,
    string? End = null);
