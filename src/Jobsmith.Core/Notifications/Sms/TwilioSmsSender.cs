using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Jobsmith.Core.Notifications.Sms;

/// <summary>
/// Texts through Twilio's Messages API with the Twilio SDK, over one HTTP client for the process (a singleton). When
/// <see cref="SmsOptions.TwilioApiBaseUrl"/> is set, a handler points the SDK's requests at that host instead of
/// api.twilio.com.
/// </summary>
public sealed class TwilioSmsSender : ISmsSender, IDisposable
{
    private readonly SmsOptions _settings;
    private readonly System.Net.Http.HttpClient _http;
    private readonly TwilioRestClient _client;

    public TwilioSmsSender(IOptions<SmsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value;
        _http = new System.Net.Http.HttpClient(new TwilioBaseUrlHandler(_settings.TwilioApiBaseUrl) { InnerHandler = new SocketsHttpHandler() }) { Timeout = TimeSpan.FromSeconds(30) };
        _client = new TwilioRestClient(_settings.TwilioAccountSid, _settings.TwilioAuthToken, _settings.TwilioAccountSid, httpClient: new SystemNetHttpClient(_http));
    }

    public async Task<string> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (settings, client) = (_settings, _client);
        var create = new CreateMessageOptions(new PhoneNumber(message.To)) { From = new PhoneNumber(settings.TwilioFrom), Body = message.Body };
        try
        {
            // The SDK takes no cancellation token; the HTTP client's timeout bounds the call.
            var sent = await MessageResource.CreateAsync(create, client);
            return sent.Sid;
        }
        catch (ApiException e)
        {
            throw new SmsException($"Twilio refused the message ({e.Status}, code {e.Code}): {e.Message}", e);
        }
        catch (ApiConnectionException e)
        {
            throw new SmsException($"Twilio could not be reached: {e.Message}", e);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Sends the SDK's requests to another base address (a proxy, a local stand-in), keeping their path and query.</summary>
internal sealed class TwilioBaseUrlHandler(Uri? baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (baseUrl is not null && request.RequestUri is { } uri)
            request.RequestUri = new Uri(baseUrl, uri.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
