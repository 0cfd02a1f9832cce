using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.EndToEnd;

/// <summary>
/// The employer's answer as Postmark's inbound webhook posts it, to the candidate's own inbound address. It carries no
/// thread headers (the application went out through a web form, not by email), so Jobsmith has to place it from the
/// sender's domain and the job title, as it would a real recruiter's reply.
/// </summary>
internal static class EmployerReply
{
    public const string PostmarkUser = "postmark";
    public const string PostmarkSecret = "an-end-to-end-shared-secret";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Inbox:PostmarkUsername"] = PostmarkUser, ["Inbox:PostmarkPassword"] = PostmarkSecret,
    };

    public static async Task SendInterviewInvitationAsync(HttpClient client, string token, string subject)
    {
        using var addressResponse = await client.SendAsync(HttpMethod.Get, "/api/inbox/address", token);
        Assert.Equal(HttpStatusCode.OK, addressResponse.StatusCode);
        var address = (await addressResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("address").GetString()!;

        var json = JsonSerializer.Serialize(new
        {
            FromFull = new { Email = "jonas.weber@" + DemoFeed.FormCompanyDomain, Name = "Jonas Weber" },
            To = address,
            ToFull = new[] { new { Email = address, Name = "" } },
            OriginalRecipient = address,
            Subject = subject,
            MessageID = "postmark-end-to-end-1",
            TextBody = $"Hello {DemoFeed.ResumeName},\n\nThank you for applying for the {DemoFeed.FormTitle} role. We would like to invite you to an interview "
                + "with our payments team. What times would work for you next week?\n\nJonas Weber\nTalent, " + DemoFeed.FormCompany,
            Headers = new[] { new { Name = "Message-ID", Value = "<interview-invitation-1@" + DemoFeed.FormCompanyDomain + ">" } },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/postmark") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PostmarkUser}:{PostmarkSecret}")));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the inbound webhook answered {(int)response.StatusCode}: {body}");
        Assert.Contains("\"imported\"", body, StringComparison.Ordinal);
    }
}
