using Jobsmith.Core.Plans.Payments;
using Stripe;

namespace Jobsmith.Tests.Plans;

/// <summary>The Stripe-Signature scheme the local stand-in signs with, checked against Stripe.net's own implementation.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test_secret";
    private const string Payload = """{"id":"evt_1","object":"event","type":"customer.subscription.updated"}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_fresh_signature_with_the_right_secret_verifies()
    {
        var header = WebhookSignature.Sign(Payload, Secret, Now.AddSeconds(-30));
        WebhookSignature.Verify(Payload, header, Secret, Now, Tolerance);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", header);
    }

    [Fact]
    public void A_wrong_secret_a_changed_body_or_no_header_is_refused()
    {
        var header = WebhookSignature.Sign(Payload, Secret, Now);
        Assert.Contains("does not match", Assert.Throws<WebhookRejectedException>(() => WebhookSignature.Verify(Payload, header, "whsec_other", Now, Tolerance)).Message, StringComparison.Ordinal);
        Assert.Throws<WebhookRejectedException>(() => WebhookSignature.Verify(Payload.Replace("evt_1", "evt_2", StringComparison.Ordinal), header, Secret, Now, Tolerance));
        Assert.Throws<WebhookRejectedException>(() => WebhookSignature.Verify(Payload, null, Secret, Now, Tolerance));
        Assert.Throws<WebhookRejectedException>(() => WebhookSignature.Verify(Payload, "t=abc,v1=00", Secret, Now, Tolerance));
        // Moving the timestamp of a signed header breaks it: the time is part of what is signed.
        var t = Now.ToUnixTimeSeconds();
        Assert.Throws<WebhookRejectedException>(() => WebhookSignature.Verify(Payload, header.Replace($"t={t}", $"t={t + 1}", StringComparison.Ordinal), Secret, Now, Tolerance));
    }

    [Fact]
    public void A_stale_or_future_timestamp_is_refused_even_when_correctly_signed()
    {
        var stale = WebhookSignature.Sign(Payload, Secret, Now - Tolerance - TimeSpan.FromSeconds(1));
        Assert.Contains("tolerance", Assert.Throws<WebhookRejectedException>(() => WebhookSignature.Verify(Payload, stale, Secret, Now, Tolerance)).Message, StringComparison.Ordinal);
        var future = WebhookSignature.Sign(Payload, Secret, Now + Tolerance + TimeSpan.FromSeconds(1));
        Assert.Throws<WebhookRejectedException>(() => WebhookSignature.Verify(Payload, future, Secret, Now, Tolerance));
        WebhookSignature.Verify(Payload, WebhookSignature.Sign(Payload, Secret, Now - Tolerance), Secret, Now, Tolerance);
    }

    [Fact]
    public void Signatures_are_the_same_scheme_as_Stripe_nets_both_ways()
    {
        var ours = WebhookSignature.Sign(Payload, Secret, Now);
        EventUtility.ValidateSignature(Payload, ours, Secret, 300, Now.ToUnixTimeSeconds());

        var theirs = EventUtility.GenerateSignatureHeader(Payload, Secret, Now.ToUnixTimeSeconds());
        WebhookSignature.Verify(Payload, theirs, Secret, Now, Tolerance);
        Assert.Throws<StripeException>(() => EventUtility.ValidateSignature(Payload, ours, "whsec_other", 300, Now.ToUnixTimeSeconds()));
    }
}
