namespace Jobsmith.Core.Applications.Submission;

/// <summary>The channels an application can go out through (F3).</summary>
public static class ChannelNames
{
    public const string BrowserForm = "browser_form";
    public const string Email = "email";
    public const string Manual = "manual";
    public const string HumanAgent = "human_agent";
}

/// <summary>
/// F3: one way of sending an application. A channel is called only after <see cref="SendGuard.BeginAsync"/> said
/// go, gets everything it may send in a <see cref="SubmissionPackage"/>, and reports what happened — it never
/// touches the application's state or the send record itself, so "never twice" lives in one place.
/// A channel must pass <see cref="SubmissionPackage.IdempotencyKey"/> along where the other side can see it
/// (a Message-ID, a hidden field, a header), and must answer <see cref="SubmissionOutcome.Unknown"/> — not
/// <see cref="SubmissionOutcome.NotSent"/> — whenever something may have left (a timeout after the final click).
/// </summary>
public interface ISubmissionChannel
{
    /// <summary>One of <see cref="ChannelNames"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Gets ready to send soon (a browser channel starts its browser), so that work overlaps building the package.
    /// Failing here is not failing the send: the send itself reports what is wrong.
    /// </summary>
    Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends the package, or with <see cref="SubmissionPackage.DryRun"/> does everything but the final send.</summary>
    Task<SubmissionResult> SubmitAsync(SubmissionPackage package, CancellationToken cancellationToken);
}
