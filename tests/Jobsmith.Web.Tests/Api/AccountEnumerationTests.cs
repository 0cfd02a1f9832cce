using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Jobsmith.Core.Accounts;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Api;

/// <summary>A host whose sign-in waits start at 30 s, long enough that a slow test run cannot outlast them.</summary>
public sealed class SlowThrottleFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
        new Dictionary<string, string?> { ["Accounts:LoginThrottle:BaseDelaySeconds"] = "30" };
}

/// <summary>
/// R3 (issue 8 item 5): neither the answers nor their timing tell whether an email has an account, and failed
/// sign-ins slow the guesser without ever locking the owner out.
/// </summary>
public sealed class AccountEnumerationTests(SlowThrottleFixture fixture) : IClassFixture<SlowThrottleFixture>
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_wrong_password_and_an_unknown_email_take_about_as_long(string provider)
    {
        var client = (await fixture.AppAsync(provider)).CreateApiClient();
        const int Samples = 15;
        var known = new List<string>();
        for (var i = 0; i < Samples; i++)
        {
            var email = ApiCalls.UniqueEmail("timed");
            await client.RegisterAsync(email);
            known.Add(email);
        }
        // Warm both paths once (JIT, the stand-in hash) before timing.
        await TimeLoginAsync(client, ApiCalls.UniqueEmail("warm"));
        await TimeLoginAsync(client, known[0]);

        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        // One attempt per email, interleaved, so neither the throttle nor a slow moment of the machine favours one side.
        for (var i = 1; i < Samples; i++)
        {
            unknownTimes.Add(await TimeLoginAsync(client, ApiCalls.UniqueEmail("nobody")));
            knownTimes.Add(await TimeLoginAsync(client, known[i]));
        }

        var (unknown, real) = (Median(unknownTimes), Median(knownTimes));
        Console.WriteLine($"login medians ({provider}): unknown email {unknown:F1} ms, wrong password {real:F1} ms");
        Assert.True(Math.Max(unknown, real) / Math.Min(unknown, real) < 3,
            $"unknown email {unknown:F1} ms vs wrong password {real:F1} ms: the time tells which accounts exist");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_attacker_is_slowed_alike_for_real_and_unknown_emails_and_the_owner_still_signs_in(string provider)
    {
        var app = await fixture.AppAsync(provider);
        var owner = app.CreateApiClient();
        var victim = ApiCalls.UniqueEmail("victim");
        await owner.RegisterAsync(victim);
        using var attacker = ClientFromAddress.Create(app.BaseAddress, IPAddress.Parse("127.0.0.2"));

        foreach (var target in new[] { victim, ApiCalls.UniqueEmail("ghost") })
        {
            var statuses = new List<int>();
            TimeSpan? retryAfter = null;
            for (var attempt = 1; attempt <= 8; attempt++)
            {
                using var response = await attacker.PostJsonAsync("/api/auth/login", new { email = target, password = $"guess-number-{attempt}" });
                statuses.Add((int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
                    retryAfter ??= response.Headers.RetryAfter?.Delta;
                }
            }
            // The same answers whether the email has an account or not: never 423, a bounded wait after the free tries.
            Assert.Equal([401, 401, 401, 401, 401, 429, 429, 429], statuses);
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        }

        // The owner, from their own address, is not locked out by the attacker's failures.
        var session = await owner.LoginAsync(victim);
        Assert.Equal(victim, session.User.Email);
        // And the attacker still waits, even with the right password.
        using var stillWaiting = await attacker.PostJsonAsync("/api/auth/login", new { email = victim, password = ApiCalls.Password });
        await stillWaiting.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registering_a_taken_email_gets_a_neutral_answer_and_the_owner_is_told_by_mail(string provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("taken");
        await client.RegisterAsync(email);

        using var again = await client.PostJsonAsync("/api/auth/register", new { email, password = "another-password-9" });
        var problem = await again.AssertProblemAsync(HttpStatusCode.BadRequest);
        var text = problem.GetRawText();
        Assert.DoesNotContain("taken", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email.Split('@')[0], text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AccountService.NotRegistrableMessage, problem.GetProperty("errors").GetProperty("account")[0].GetString());

        // A weak password is refused for its own reason whether or not the address is taken, before the address is looked at.
        using var weak = await client.PostJsonAsync("/api/auth/register", new { email, password = "short" });
        var weakText = (await weak.AssertProblemAsync(HttpStatusCode.BadRequest)).GetRawText();
        Assert.DoesNotContain(AccountService.NotRegistrableMessage, weakText, StringComparison.Ordinal);

        var mail = await Outbox.WaitForMailAsync(app.Database.Folder, email, "Your Jobsmith account already exists");
        Assert.Contains("/forgot-password", mail, StringComparison.Ordinal);
    }

    private static async Task<double> TimeLoginAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostJsonAsync("/api/auth/login", new { email, password = "not-the-password-1" });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
