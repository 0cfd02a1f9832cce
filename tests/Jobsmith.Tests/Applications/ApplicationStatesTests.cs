using Jobsmith.Core.Applications;

namespace Jobsmith.Tests.Applications;

/// <summary>F1: only legal transitions are accepted, and each accepted one is logged with its actor.</summary>
public sealed class ApplicationStatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly ApplicationActor Candidate = ApplicationActor.Candidate("user-1");

    [Fact]
    public void The_main_line_from_match_to_offer_is_legal_and_every_step_is_logged()
    {
        var application = JobApplication.Start("user-1", Guid.NewGuid(), ApplicationActor.Agent("matcher"), Now);
        string[] line = ["drafted", "awaiting_approval", "approved", "queued", "submitting", "applied", "interview", "offer"];
        foreach (var state in line) application.Move(state, Candidate, $"to {state}", Now);

        Assert.Equal("offer", application.State);
        Assert.Equal(["matched", .. line], application.Log.Select(l => l.ToState));
        Assert.Equal([null, "matched", .. line[..^1]], application.Log.Select(l => l.FromState));
        Assert.Equal("agent", application.Log[0].ActorKind);
        Assert.All(application.Log.Skip(1), l => Assert.Equal(("candidate", "user-1"), (l.ActorKind, l.ActorId)));
        Assert.Equal(line.Length, application.Revision);
    }

    [Fact]
    public void Moves_made_at_the_same_instant_keep_their_order_in_the_history()
    {
        // Approving queues at once, with one timestamp: the history (ordered by time, then id) must still read approved, then queued.
        for (var run = 0; run < 200; run++)
        {
            var application = JobApplication.Start("user-1", Guid.NewGuid(), ApplicationActor.Agent("matcher"), Now);
            foreach (var state in new[] { "drafted", "awaiting_approval", "approved", "queued" }) application.Move(state, Candidate, null, Now);
            Assert.Equal(application.Log.Select(l => l.ToState), application.Log.OrderBy(l => l.At).ThenBy(l => l.Id).Select(l => l.ToState));
        }
    }

    [Theory]
    [InlineData("matched", "applied")]          // nothing is sent without documents and an approval
    [InlineData("drafted", "queued")]           // a draft cannot skip the approval queue
    [InlineData("awaiting_approval", "queued")]
    [InlineData("approved", "submitting")]      // sending goes through the queue, with its idempotency key
    [InlineData("submitting", "queued")]        // a send in flight is never queued a second time
    [InlineData("submitting", "drafted")]
    [InlineData("applied", "queued")]           // never twice
    [InlineData("applied", "submitting")]
    [InlineData("withdrawn", "drafted")]
    [InlineData("rejected", "interview")]
    [InlineData("offer", "applied")]
    public void An_illegal_transition_throws_and_changes_nothing(string from, string to)
    {
        var application = At(from);
        var (state, revision, logged) = (application.State, application.Revision, application.Log.Count);

        var error = Assert.Throws<IllegalTransitionException>(() => application.Move(to, Candidate, null, Now));

        Assert.Equal((from, to), (error.From, error.To));
        Assert.Equal((state, revision, logged), (application.State, application.Revision, application.Log.Count));
    }

    [Fact]
    public void Escalation_keeps_its_reason_until_the_application_moves_on()
    {
        var application = At("queued");
        application.Move("escalated", ApplicationActor.Agent("submitter"), "CAPTCHA on the form", Now);
        Assert.Equal("CAPTCHA on the form", application.StateReason);

        application.Move("applied", ApplicationActor.HumanAgent("agent-7"), "Sent by hand, confirmation 123", Now);
        Assert.Null(application.StateReason);
        Assert.Equal(("human_agent", "agent-7"), (application.Log[^1].ActorKind, application.Log[^1].ActorId));
    }

    [Fact]
    public void Every_state_is_reachable_from_matched_and_terminal_states_lead_nowhere()
    {
        var reached = new HashSet<string> { "matched" };
        var frontier = new Queue<string>(reached);
        while (frontier.TryDequeue(out var state))
            foreach (var next in ApplicationStates.NextFrom(state))
                if (reached.Add(next)) frontier.Enqueue(next);

        Assert.Equal(ApplicationStates.All.OrderBy(s => s), reached.OrderBy(s => s));
        Assert.Empty(ApplicationStates.NextFrom("withdrawn"));
        Assert.Empty(ApplicationStates.NextFrom("rejected"));
    }

    private static JobApplication At(string state)
    {
        // The shortest legal path from matched to the state wanted, found on the state machine itself.
        var path = new Dictionary<string, string?> { ["matched"] = null };
        var frontier = new Queue<string>(["matched"]);
        while (frontier.TryDequeue(out var current) && !path.ContainsKey(state))
            foreach (var next in ApplicationStates.NextFrom(current))
                if (path.TryAdd(next, current)) frontier.Enqueue(next);
        var steps = new Stack<string>();
        for (var s = state; s != "matched"; s = path[s]!) steps.Push(s);

        var application = JobApplication.Start("user-1", Guid.NewGuid(), Candidate, Now);
        while (steps.TryPop(out var step)) application.Move(step, Candidate, null, Now);
        return application;
    }
}
