namespace Jobsmith.Core.Applications.Submission;

/// <summary>
/// F3 "manual": the candidate applies themselves — opens the job, copies the prepared material — and marks it done.
/// The channel sends nothing. It answers <see cref="SubmissionOutcome.Escalate"/> with <see cref="EscalationReasons.Manual"/>,
/// addressed to the candidate: like any escalation the application waits for a person, never counts as sent until that
/// person says so (marking it done is the pipeline's step), and is never retried on its own. The details say where to
/// apply and which files to use; the files, checked to be this application's (F7), travel as the escalation's proof.
/// A dry run answers <see cref="SubmissionOutcome.NotSent"/> with the same details.
/// </summary>
public sealed class ManualChannel : ISubmissionChannel
{
    public string Name => ChannelNames.Manual;

    public Task<SubmissionResult> SubmitAsync(SubmissionPackage package, CancellationToken cancellationToken)
    {
        if (SubmissionFileCheck.Problem(package) is { } problem)
            return Task.FromResult(new SubmissionResult(SubmissionOutcome.NotSent, problem));

        var where = package.ApplyUrl is { } url ? $"open {url}"
            : !string.IsNullOrWhiteSpace(package.ApplyEmail) ? $"email {package.ApplyEmail.Trim()}"
            : $"find the {package.Title} job on {package.Company}'s careers page";
        var files = package.Files.Count == 0 ? "" : $" Use {string.Join(" and ", package.Files.Select(f => $"{f.FileName} ({Kind(f.Kind)}, version {f.Version})"))}.";
        var letter = string.IsNullOrWhiteSpace(package.CoverLetterText) ? "" : " The cover letter text is ready to paste.";
        var details = $"Apply to {package.Company} for {package.Title} yourself: {where}.{files}{letter} Then mark the application done.";

        List<ProofItem> material = [.. package.Files.Select(f => new ProofItem(ProofKinds.Escalation, f.FileName, f.ContentType, f.Content, $"{Kind(f.Kind)}, version {f.Version}"))];
        if (!string.IsNullOrWhiteSpace(package.CoverLetterText))
            material.Add(new(ProofKinds.Escalation, "cover-letter.txt", "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(package.CoverLetterText), "cover letter text"));

        return Task.FromResult(package.DryRun
            ? new SubmissionResult(SubmissionOutcome.NotSent, $"Dry run: {details}", Proof: material)
            : new SubmissionResult(SubmissionOutcome.Escalate, details, EscalationReasons.Manual, material));
    }

    private static string Kind(string kind) => kind switch
    {
        SubmissionFileKinds.Resume => "resume",
        SubmissionFileKinds.CoverLetter => "cover letter",
        _ => kind,
    };
}
