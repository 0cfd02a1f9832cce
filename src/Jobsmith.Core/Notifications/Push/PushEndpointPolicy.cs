using System.Net;
using System.Net.Sockets;
using Jobsmith.Core.Jobs.Fetching;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>
/// Which push endpoints a user may register. The endpoint is a URL the server will later POST to, so it is checked
/// like any user-supplied URL (SSRF): https only (plain http to loopback only for tests), no credentials in it, and
/// a host that resolves to public addresses only (<see cref="AddressPolicy"/>). The check is repeated on every
/// connection (<see cref="WebPushTransport"/>), so a name re-pointed later is still refused.
/// </summary>
public sealed class PushEndpointPolicy(IOptions<PushOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The endpoint as stored and compared: the absolute URI in its escaped (ASCII) form.</summary>
    public static string? Normalize(string? endpoint) =>
        Uri.TryCreate(endpoint?.Trim(), UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null;

    /// <summary>Why the endpoint is refused, or null when it may be used.</summary>
    public async Task<string?> ProblemAsync(string? endpoint, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(endpoint)) return "endpoint is required.";
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return "endpoint must be an absolute https URL.";
        if (uri.AbsoluteUri.Length > WebPushSubscription.MaxEndpointLength)
            return $"endpoint must be at most {WebPushSubscription.MaxEndpointLength} characters.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "endpoint must not contain a user name or password.";
        var allowLoopback = options.Value.AllowLoopbackForTests;
        var loopbackHttp = uri.Scheme == Uri.UriSchemeHttp && allowLoopback && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !loopbackHttp) return "endpoint must be an https URL.";

        var host = uri.DnsSafeHost;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ResolveTimeout);
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return $"endpoint's host {host} could not be resolved.";
            }
        }
        // A name that resolves partly inside is refused outright, as SafeHttpFetcher does.
        if (addresses.Length == 0 || !addresses.All(a => AddressPolicy.IsAllowed(a, allowLoopback)))
            return $"endpoint must be a public push service; {host} is a private, loopback or link-local address.";
        return null;
    }
}
