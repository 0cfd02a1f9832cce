using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Submission;

namespace Jobsmith.Web.Components.Pages.Applications;

/// <summary>The words and colours a candidate sees for application states and channels, in one place.</summary>
public static class StateLabels
{
    public static (string Text, string Tone) Of(string state) => state switch
    {
        ApplicationStates.Matched => ("Matched", "secondary"),
        ApplicationStates.Drafted => ("Drafted", "secondary"),
        ApplicationStates.AwaitingApproval => ("Waiting for you", "orange"),
        ApplicationStates.Approved => ("Approved", "azure"),
        ApplicationStates.Queued => ("Queued to send", "azure"),
        ApplicationStates.Submitting => ("Sending", "azure"),
        ApplicationStates.Applied => ("Applied", "green"),
        ApplicationStates.Escalated => ("With a person", "orange"),
        ApplicationStates.Failed => ("Failed", "red"),
        ApplicationStates.RejectedByUser => ("Rejected by you", "secondary"),
        ApplicationStates.Withdrawn => ("Withdrawn", "secondary"),
        ApplicationStates.Interview => ("Interview", "purple"),
        ApplicationStates.Offer => ("Offer", "green"),
        ApplicationStates.Rejected => ("Not selected", "secondary"),
        _ => (state.Replace('_', ' '), "secondary"),
    };

    public static string Channel(string? channel) => channel switch
    {
        ChannelNames.BrowserForm => "Online form",
        ChannelNames.Email => "Email",
        ChannelNames.Manual => "You apply yourself",
        ChannelNames.HumanAgent => "Human agent",
        null => "Not chosen yet",
        _ => channel.Replace('_', ' '),
    };

    public static string Outcome(string outcome) => outcome switch
    {
        AttemptOutcomes.Sent => "Sent",
        AttemptOutcomes.NotSent => "Not sent",
        AttemptOutcomes.Unknown => "Unclear: needs checking",
        AttemptOutcomes.Escalated => "Handed to a person",
        AttemptOutcomes.DryRun => "Dry run (nothing sent)",
        _ => outcome.Replace('_', ' '),
    };

    /// <summary>The moves a candidate may make by hand from a state, with their button text.</summary>
    public static IReadOnlyList<(string State, string Text)> HandMoves(string from) =>
    [
        .. new (string State, string Text)[]
        {
            (ApplicationStates.Applied, "I applied myself"), (ApplicationStates.Queued, "Try again"), (ApplicationStates.Interview, "Interview"),
            (ApplicationStates.Offer, "Offer"), (ApplicationStates.Rejected, "Not selected"), (ApplicationStates.Withdrawn, "Withdraw"),
        }.Where(m => ApplicationStates.CandidateMayMove(from, m.State)),
    ];
}
