using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Jobsmith.Core.Jobs.Fetching;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>
/// The one HTTP client that talks to push services. Every connection is checked against <see cref="AddressPolicy"/>
/// after DNS (as <see cref="SafeHttpFetcher"/> does), no proxy and no redirects, so a subscription endpoint can
/// never make the server reach its own network. 429 answers are not waited out: a notification is sent now or
/// recorded as failed, never held for however long a push service asks.
/// </summary>
public sealed partial class WebPushTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _allowLoopback;
    private readonly ILogger<WebPushTransport> _logger;

    public WebPushTransport(IOptions<PushOptions> options, VapidKeys keys, ILogger<WebPushTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowLoopback = options.Value.AllowLoopbackForTests;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false, // a proxy would connect on our behalf and bypass the address check
            ConnectCallback = ConnectCheckedAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds),
        };
        _http = new HttpClient(new VapidAudienceHandler(keys, options.Value.Subject) { InnerHandler = handler }) { Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds), MaxResponseContentBufferSize = 64 * 1024 };
        Client = new PushServiceClient(_http) { AutoRetryAfter = false, DefaultTimeToLive = options.Value.TimeToLiveSeconds };
    }

    public PushServiceClient Client { get; }

    private async ValueTask<Stream> ConnectCheckedAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0 || !addresses.All(a => AddressPolicy.IsAllowed(a, _allowLoopback)))
        {
            Refused(_logger, host);
            throw new PushRefusedException($"refused: {host} resolves to a private, loopback or link-local address");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a push connection to {Host}: not a public address")]
    private static partial void Refused(ILogger logger, string host);
}

/// <summary>
/// Lib.Net.Http.WebPush 3.3.1 names <c>scheme://host</c> as the VAPID audience, dropping a non-default port; RFC 8292
/// asks for the origin of the push resource, which keeps it. Push services listen on 443, where the two agree; for
/// one on another port (self-hosted, or a test stand-in) the token is signed again, with the library's own signer,
/// for the real origin.
/// </summary>
internal sealed class VapidAudienceHandler(VapidKeys keys, string subject) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsDefaultPort: false } uri && request.Headers.Authorization?.Scheme == "vapid")
        {
            var pair = await keys.GetAsync(cancellationToken);
            using var vapid = new VapidAuthentication(pair.PublicKey, pair.PrivateKey) { Subject = subject };
            request.Headers.Authorization = new AuthenticationHeaderValue("vapid", vapid.GetVapidSchemeAuthenticationHeaderValueParameter(uri.GetLeftPart(UriPartial.Authority)));
        }
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A push endpoint whose host resolved to an address the server must not connect to.</summary>
public sealed class PushRefusedException(string message) : Exception(message);
