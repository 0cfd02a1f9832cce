using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Tests.Applications.Submission;

/// <summary>F3, F4: the channel follows how the posting says to apply, with a reason a candidate can read.</summary>
public sealed class ChannelPickerTests
{
    private static readonly string[] AssistOnly = ["linkedin.com"];

    [Theory]
    [InlineData(ApplicationType.Email, "mailto:jobs@acme.test", null, ChannelNames.Email, "acme.test")]
    [InlineData(ApplicationType.Form, null, null, ChannelNames.Manual, null)]
    [InlineData(ApplicationType.Form, "https://www.linkedin.com/jobs/view/1", null, ChannelNames.Manual, "www.linkedin.com")]
    [InlineData(ApplicationType.Form, "https://boards.greenhouse.io/acme/jobs/1", "hosted-ats-form:greenhouse.io", ChannelNames.BrowserForm, "boards.greenhouse.io")]
    [InlineData(ApplicationType.Complex, "https://acme.wd1.myworkdayjobs.com/x", "account-based-portal:myworkdayjobs.com", ChannelNames.HumanAgent, "acme.wd1.myworkdayjobs.com")]
    // A company's own careers site is not complex by being unknown: the browser looks first and hands over if it must.
    [InlineData(ApplicationType.Complex, "https://careers.acme.test/apply/1", ApplicationRoutes.UnknownExternalSite, ChannelNames.BrowserForm, "careers.acme.test")]
    [InlineData(ApplicationType.Complex, "https://careers.acme.test/apply/1", null, ChannelNames.HumanAgent, "careers.acme.test")]
    public void The_channel_follows_the_route_and_the_link(ApplicationType route, string? url, string? rule, string channel, string? host)
    {
        var choice = ChannelPicker.Pick(route, url, AssistOnly, rule);

        Assert.Equal((channel, host), (choice.Channel, choice.TargetHost));
        Assert.False(string.IsNullOrWhiteSpace(choice.Reason));
    }
}
