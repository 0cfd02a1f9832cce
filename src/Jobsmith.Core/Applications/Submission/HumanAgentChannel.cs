namespace Jobsmith.Core.Applications.Submission;

/// <summary>
/// F3/F5: the channel for applications no software should fill (a route classified complex). It sends nothing: it
/// hands the prepared material to a person, who completes the application and records proof.
/// </summary>
public sealed class HumanAgentChannel : ISubmissionChannel
{
    public string Name => ChannelNames.HumanAgent;

    public Task<SubmissionResult> SubmitAsync(SubmissionPackage package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        var files = string.Join(", ", package.Files.Select(f => $"{f.Kind.Replace('_', ' ')} v{f.Version}"));
        var details = $"Handed to a human agent: the {package.Company} application is too complex to fill automatically. Prepared: {files}.";
        return Task.FromResult(package.DryRun
            ? new SubmissionResult(SubmissionOutcome.NotSent, "Dry run: this application would go to a human agent.")
            : new SubmissionResult(SubmissionOutcome.Escalate, details, EscalationReasons.Complexity));
    }
}
