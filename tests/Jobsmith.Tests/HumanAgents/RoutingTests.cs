using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.HumanAgents;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.HumanAgents;

/// <summary>F4/F5: an escalation goes to an available agent with a free slot and the right expertise, or back to the candidate.</summary>
public sealed class RoutingTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Escalations_go_by_availability_capacity_and_expertise_and_otherwise_back_to_the_candidate(string provider)
    {
        await using var h = await HumanAgentsHarness.CreateAsync(provider);
        var captchaSolver = await h.AddAgentAsync(available: true, max: 1, EscalationReasons.Captcha);
        var loginHelper = await h.AddAgentAsync(available: true, max: 2, EscalationReasons.LoginWall);
        var generalistAway = await h.AddAgentAsync(available: false, max: 5);
        var (user, apps) = await h.QueuedAsync("routed@example.com", 4);

        Assert.StartsWith("assigned", await h.ProcessAsync(await h.EscalateAsync(user, apps[0], EscalationReasons.Captcha, "reCAPTCHA on the form")));
        Assert.Equal(captchaSolver, (await h.OpenAssignmentAsync(apps[0])).AgentUserId);

        // The CAPTCHA specialist is full, the login-wall one does not do CAPTCHAs, the generalist is away: the candidate hears.
        Assert.StartsWith("handed back", await h.ProcessAsync(await h.EscalateAsync(user, apps[1], EscalationReasons.Captcha, "hCaptcha on the form")));
        Assert.Empty(await h.AssignmentsAsync(apps[1]));
        var told = Assert.Single(await h.NotificationsAsync(user), n => n.Type == "escalation");
        Assert.Contains("CAPTCHA", told.Body, StringComparison.Ordinal);

        // No code on the event: the reason is read from its text.
        await h.ProcessAsync(await h.EscalateAsync(user, apps[2], null, "The site asks to sign in to an account first."));
        var login = await h.OpenAssignmentAsync(apps[2]);
        Assert.Equal((loginHelper, EscalationReasons.LoginWall), (login.AgentUserId, login.Reason));

        // The generalist comes back and takes what no specialist can.
        await h.InScopeAsync(sp => sp.GetRequiredService<HumanAgentAdmin>()
            .UpdateAgentAsync(generalistAway, new AgentChange(true, null, null), CancellationToken.None));
        await h.ProcessAsync(await h.EscalateAsync(user, apps[3], EscalationReasons.Captcha, "Turnstile"));
        Assert.Equal(generalistAway, (await h.OpenAssignmentAsync(apps[3])).AgentUserId);

        var agents = await h.InScopeAsync(sp => sp.GetRequiredService<HumanAgentAdmin>().AgentsAsync(CancellationToken.None));
        Assert.Equal([1, 1, 1], agents.OrderBy(a => a.UserId == captchaSolver ? 0 : a.UserId == loginHelper ? 1 : 2).Select(a => a.Open));
        Assert.Contains(await h.NotificationsAsync(captchaSolver), n => n.Type == "assignment");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_escalation_events_for_one_application_at_once_make_one_assignment(string provider)
    {
        await using var h = await HumanAgentsHarness.CreateAsync(provider);
        for (var i = 0; i < 3; i++) await h.AddAgentAsync();
        var (user, apps) = await h.QueuedAsync("twice@example.com");
        var first = await h.EscalateAsync(user, apps[0], EscalationReasons.UnknownQuestion, "Unknown required question");
        var events = new[] { first, await h.PublishAsync(user, apps[0], EscalationReasons.UnknownQuestion, "Unknown required question"),
            await h.PublishAsync(user, apps[0], EscalationReasons.UnknownQuestion, "Unknown required question") };

        var outputs = await Task.WhenAll(events.Select(e => Task.Run(() => h.ProcessAsync(e))));

        Assert.Single(await h.AssignmentsAsync(apps[0]));
        Assert.Single(outputs, o => o!.StartsWith("assigned", StringComparison.Ordinal));
        Assert.All(outputs.Where(o => !o!.StartsWith("assigned", StringComparison.Ordinal)), o => Assert.StartsWith("already assigned", o));
    }

    [Fact]
    public void Specialists_come_first_then_the_least_loaded_and_someone_who_returned_it_last()
    {
        AgentLoad Agent(string id, int open, int max = 5, bool available = true, params string[] tags) => new(id, id + "@x", id, available, max, tags, open);
        var busySpecialist = Agent("a", 3, 5, true, "captcha");
        var idleSpecialist = Agent("b", 1, 5, true, "captcha");
        var idleGeneralist = Agent("c", 0);

        Assert.Equal("b", AssignmentRouting.Pick([busySpecialist, idleSpecialist, idleGeneralist], "captcha", [])!.UserId);
        Assert.Equal("a", AssignmentRouting.Pick([busySpecialist, idleSpecialist, idleGeneralist], "captcha", [], avoid: ["b"])!.UserId);
        Assert.Equal("c", AssignmentRouting.Pick([busySpecialist, idleSpecialist, idleGeneralist], "login_wall", [])!.UserId);
        Assert.Equal("d", AssignmentRouting.Pick([idleSpecialist, Agent("d", 2, 5, true, "captcha", "workday")], "captcha", ["workday"])!.UserId);
        Assert.Null(AssignmentRouting.Pick([Agent("e", 2, 2, true, "captcha"), Agent("f", 0, 5, false)], "captcha", []));
        Assert.Null(AssignmentRouting.Pick([Agent("g", 0, 0)], "captcha", []));
    }

    [Theory]
    [InlineData("captcha", "anything", false, "captcha")]
    [InlineData(null, "Needs checking: a send through email began and was interrupted", false, "needs_checking")]
    [InlineData(null, "reCAPTCHA widget found", false, "captcha")]
    [InlineData(null, "Required question nobody answered: visa?", false, "unknown_question")]
    [InlineData("login_wall", "whatever", true, "needs_checking")]
    [InlineData(null, "Something odd", false, "other")]
    public void The_reason_is_the_events_code_or_read_from_its_text(string? code, string text, bool sendUnknown, string expected) =>
        Assert.Equal(expected, ExpertiseTags.ReasonOf(code, text, sendUnknown));

    [Theory]
    [InlineData("https://acme.wd5.myworkdayjobs.com/en-US/careers/job/1", "workday")]
    [InlineData("https://boards.greenhouse.io/acme/jobs/1", "greenhouse")]
    [InlineData("https://acme.example/jobs/1", null)]
    [InlineData("not a url", null)]
    public void The_ats_family_is_read_from_the_apply_url(string url, string? family) => Assert.Equal(family, ExpertiseTags.FamilyOf(url));
}
