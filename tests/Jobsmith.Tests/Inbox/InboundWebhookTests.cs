using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Inbox;

/// <summary>G2: each provider's inbound payload is routed by the candidate's address token and imported; signatures are checked, good and bad.</summary>
public sealed class InboundWebhookTests
{
    private const string MailgunKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    private static readonly ECDsa SendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static Task<MatchStoreHarness> HarnessAsync(string provider) => MatchStoreHarness.CreateAsync(provider, s => s.Configure<InboxOptions>(o =>
    {
        o.InboundDomain = "in.jobsmith.example";
        o.MailgunSigningKey = MailgunKey;
        o.SendGridVerificationKey = Convert.ToBase64String(SendGridKey.ExportSubjectPublicKeyInfo());
        o.PostmarkUsername = "postmark";
        o.PostmarkPassword = "a-long-shared-secret";
    }));

    private static Task<string> AddressAsync(MatchStoreHarness harness, string user) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<InboundAddresses>().AddressAsync(user, CancellationToken.None));

    private static Task<string> StateAsync(MatchStoreHarness harness, Guid id) =>
        harness.InScopeAsync(async sp => (await sp.GetRequiredService<AppDbContext>().Set<JobApplication>().AsNoTracking().SingleAsync(a => a.Id == id)).State);

    private static string Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Postmark_json_with_the_right_credentials_is_imported_into_the_thread_and_wrong_ones_are_refused(string provider)
    {
        await using var harness = await HarnessAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");
        var address = await AddressAsync(harness, sent.UserId);
        var json = JsonSerializer.Serialize(new
        {
            FromFull = new { Email = "laura@gmail.com", Name = "Laura" },
            To = $"Priya <{address}>",
            ToFull = new[] { new { Email = address, Name = "Priya" } },
            OriginalRecipient = address,
            Subject = "Re: Application",
            MessageID = "postmark-internal-id",
            TextBody = "We would like to invite you to an interview. What times would work for you?",
            Headers = new[]
            {
                new { Name = "Message-ID", Value = "<pm-1@mail.gmail.com>" },
                new { Name = "In-Reply-To", Value = $"<{SentMessageIds.For(sent.ApplicationId, "jobsmith.example")}>" },
            },
            Attachments = new[] { new { Name = "slots.txt", Content = Convert.ToBase64String("Mon 10:00"u8.ToArray()), ContentType = "text/plain", ContentLength = 9 } },
        });
        var good = "Basic " + Convert.ToBase64String("postmark:a-long-shared-secret"u8.ToArray());
        var bad = "Basic " + Convert.ToBase64String("postmark:guess"u8.ToArray());

        var refused = await Assert.ThrowsAsync<InboundWebhookException>(() => harness.InScopeAsync(sp => sp.GetRequiredService<InboundWebhooks>().PostmarkAsync(json, bad, default)));
        var result = await harness.InScopeAsync(sp => sp.GetRequiredService<InboundWebhooks>().PostmarkAsync(json, good, default));

        Assert.True(refused.Unauthorized);
        Assert.Equal(InboxImportStatus.Imported, result.Status);
        Assert.Equal("interview", await StateAsync(harness, sent.ApplicationId));
        var kept = await harness.InScopeAsync(sp => sp.GetRequiredService<InboxQueries>().ForApplicationAsync(sent.UserId, sent.ApplicationId, default));
        Assert.Equal(("pm-1@mail.gmail.com", "postmark", "slots.txt"), (kept[0].MessageId, kept[0].Source, kept[0].Attachments.Single().FileName));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mailgun_posts_need_a_fresh_hmac_of_timestamp_and_token(string provider)
    {
        await using var harness = await HarnessAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");
        var address = await AddressAsync(harness, sent.UserId);
        InboundForm Form(string timestamp, string signatureKey, string messageId) => new(new Dictionary<string, string>
        {
            ["recipient"] = address,
            ["from"] = $"Talent <talent@{InboxHarness.Domain(sent.Company)}>",
            ["subject"] = "Your application",
            ["body-plain"] = "Unfortunately we have decided to move forward with other candidates.",
            ["message-headers"] = JsonSerializer.Serialize(new[] { new[] { "Message-Id", $"<{messageId}>" } }),
            ["timestamp"] = timestamp,
            ["token"] = "9f2a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f",
            ["signature"] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signatureKey),
                Encoding.UTF8.GetBytes(timestamp + "9f2a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f"))),
        }, []);
        Task<InboundWebhookResult> Post(InboundForm form) => harness.InScopeAsync(sp => sp.GetRequiredService<InboundWebhooks>().MailgunAsync(form, default));

        var wrongKey = await Assert.ThrowsAsync<InboundWebhookException>(() => Post(Form(Now(), "key-wrong", "mg-0@x")));
        var stale = await Assert.ThrowsAsync<InboundWebhookException>(() => Post(Form("1700000000", MailgunKey, "mg-0@x")));
        Assert.Equal("applied", await StateAsync(harness, sent.ApplicationId));
        var good = await Post(Form(Now(), MailgunKey, "mg-1@x"));

        Assert.True(wrongKey.Unauthorized && stale.Unauthorized);
        Assert.Contains("too old", stale.Message, StringComparison.Ordinal);
        Assert.Equal(InboxImportStatus.Imported, good.Status);
        Assert.Equal("rejected", await StateAsync(harness, sent.ApplicationId));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SendGrid_raw_mime_is_imported_when_signed_and_refused_when_tampered_or_for_an_unknown_address(string provider)
    {
        await using var harness = await HarnessAsync(provider);
        var sent = await InboxHarness.SentAsync(harness, "priya@example.com");
        var address = await AddressAsync(harness, sent.UserId);
        var raw = Encoding.UTF8.GetString(InboxHarness.Email("HR <hr@gmail.com>", "Offer", "We are delighted to offer you the position. Your offer letter is attached.",
            inReplyTo: SentMessageIds.For(sent.ApplicationId, "jobsmith.example"), messageId: "sg-1@mail.gmail.com"));
        InboundForm Form(string to) => new(new Dictionary<string, string>
        {
            ["to"] = to, ["envelope"] = JsonSerializer.Serialize(new { to = new[] { to }, from = "hr@gmail.com" }), ["email"] = raw,
        }, []);
        // The signature covers the raw HTTP body; here the body stands for the form as posted.
        var body = Encoding.UTF8.GetBytes("--form-body--" + raw);
        var timestamp = Now();
        var signature = Convert.ToBase64String(SendGridKey.SignData(Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray(), HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence));
        Task<InboundWebhookResult> Post(InboundForm form, byte[] signedBody, string? sig) =>
            harness.InScopeAsync(sp => sp.GetRequiredService<InboundWebhooks>().SendGridAsync(form, signedBody, sig, timestamp, default));

        var tampered = await Assert.ThrowsAsync<InboundWebhookException>(() => Post(Form(address), [.. body, (byte)'!'], signature));
        var unsigned = await Assert.ThrowsAsync<InboundWebhookException>(() => Post(Form(address), body, null));
        var stranger = await Post(Form("reply+0123456789abcdef0123456789abcdef@in.jobsmith.example"), body, signature);
        var good = await Post(Form(address), body, signature);

        Assert.True(tampered.Unauthorized && unsigned.Unauthorized);
        Assert.False(stranger.KnownRecipient);
        Assert.Equal((true, InboxImportStatus.Imported), (good.KnownRecipient, good.Status));
        Assert.Equal("offer", await StateAsync(harness, sent.ApplicationId));
    }
}
