using System.Net;
using System.Text.Json;
using Jobsmith.Core.Applications;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.EndToEnd;

/// <summary>
/// Polls an application through the API until it reaches a state: the worker, the browser channel and the event
/// dispatcher run in the background, at whatever pace a loaded machine allows. A state it can never leave for the
/// awaited one stops the wait at once, with the send attempts' details, instead of running out the clock.
/// </summary>
internal static class ApplicationWatch
{
    private static readonly string[] DeadEnds = [ApplicationStates.Failed, ApplicationStates.Escalated, ApplicationStates.RejectedByUser, ApplicationStates.Withdrawn];

    public static async Task<JsonElement> WaitForStateAsync(HttpClient client, string token, Guid application, string state, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/applications/{application}", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var current = page.GetProperty("application").GetProperty("state").GetString() ?? "";
            if (current == state) return page;
            var attempts = string.Join("; ", page.GetProperty("attempts").EnumerateArray()
                .Select(a => $"{a.GetProperty("channel").GetString()} {a.GetProperty("outcome").GetString()}: {a.GetProperty("details").GetString()}"));
            Assert.False(DeadEnds.Contains(current), $"the application stopped at \"{current}\" instead of reaching \"{state}\"; attempts: {attempts}");
            Assert.True(TimeProvider.System.GetTimestamp() < deadline,
                $"the application is still \"{current}\" after {timeout.TotalSeconds:0} s, not \"{state}\"; attempts: {(attempts.Length == 0 ? "none" : attempts)}");
            await Task.Delay(250);
        }
    }
}
