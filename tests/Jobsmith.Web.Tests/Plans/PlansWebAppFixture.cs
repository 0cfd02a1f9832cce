using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Plans;

/// <summary>A host whose local payment stand-in signs with a known secret, so tests can deliver webhooks as it would.</summary>
public sealed class PlansWebAppFixture : WebAppFixture
{
    public const string LocalWebhookSecret = "whsec_local_web_tests";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
        new Dictionary<string, string?> { ["Plans:LocalWebhookSecret"] = LocalWebhookSecret };
}
