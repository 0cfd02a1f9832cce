namespace Jobsmith.Core.Profiles.Llm;

// What the resume-extract.v1 prompt asks the model for: ARCHITECTURE.md's profile contract without the
// derived fields. Single values default to null so a model that omits one is no failure, and so the
// source-text validator can null out an invented value; lists are required.
internal sealed record LlmResumeExtract(
    IReadOnlyList<string> Links,
    IReadOnlyList<LlmJob> Experience,
    IReadOnlyList<LlmEducation> Education,
    IReadOnlyList<string> Skills,
    string? Name = null,
    string? Email = null,
    string? Phone = null,
    string? Location = null,
    string? Summary = null)
{
    public const string PromptName = "resume-extract";
    public const int PromptVersion = 1;
}

internal sealed record LlmJob(
    IReadOnlyList<string> Bullets,
    string? Title = null,
    string? Company = null,
    string? Location = null,
    string? Start = null,
    string? End = null);

internal sealed record LlmEducation(
    string? Degree = null,
    string? Field = null,
    string? Institution = null,
    string? Start = null,
    string? End = null);
