using Jobsmith.Core.Applications.Submission;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>A field of the form and what the channel put in it (null when it was left empty).</summary>
/// <param name="Source">Where the answer came from: profile, bank, sensitive (the stored choice), free_text, document, or unknown.</param>
public sealed record FilledField(int Page, string Label, string? Name, string? Id, string? AutomationId, string Kind, bool Required, string? Value, string Source);

/// <summary>A file the channel uploaded, checked against the application first.</summary>
public sealed record UploadedFile(string Question, string Kind, string FileName, int Bytes, string Sha256);

/// <summary>The channel's result with the detail of every field, for the CLI's report and the audit.</summary>
/// <param name="OpenQuestions">Required questions left unanswered because only the candidate can answer them.</param>
public sealed record BrowserFormRun(SubmissionResult Result, IReadOnlyList<FilledField> Fields, IReadOnlyList<UploadedFile> Uploads,
    IReadOnlyList<string> OpenQuestions, int Pages);
