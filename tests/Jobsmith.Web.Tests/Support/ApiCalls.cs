using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobsmith.Web.Api;

namespace Jobsmith.Web.Tests.Support;

/// <summary>The handful of REST calls most tests start with, each asserting the status it relies on.</summary>
public static class ApiCalls
{
    public const string Password = "correct-horse-42";

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@jobsmith.test";

    public static async Task<AuthResponse> RegisterAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = "Test " + email[..6] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuthResponse>())!;
    }

    public static async Task<AuthResponse> LoginAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuthResponse>())!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    /// <summary>A body for <see cref="SendAsync"/> sent as multipart/form-data with one text field and no file.</summary>
    public const string MultipartWithoutFile = "multipart:";

    /// <summary>Sends a request with an optional bearer token and an optional raw body (sent as application/json,
    /// or as a file-less form when it is <see cref="MultipartWithoutFile"/>).</summary>
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token, string? rawJson = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        // Awaited here: returning the task would dispose the request (and its body) while it is still being sent.
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (rawJson == MultipartWithoutFile) request.Content = new MultipartFormDataContent { { new StringContent("no file"), "note" } };
        else if (rawJson is not null) request.Content = new StringContent(rawJson, Encoding.UTF8, "application/json");
        return await client.SendAsync(request, completion);
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? token, object body) =>
        client.SendAsync(method, path, token, JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    /// <summary>Asserts an RFC 9457 problem response: the status, the media type, and a JSON body that names the status.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }
}
