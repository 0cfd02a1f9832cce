using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;

namespace Jobsmith.Core.Jobs.Fetching;

/// <summary>
/// The only way job sources reach the network. Every connection is checked against <see cref="AddressPolicy"/>
/// at connect time (after DNS, so rebinding can't slip past), redirects are followed by hand and re-checked,
/// bodies and time are capped, robots.txt is honoured for pages, and each source gets its own rate limiter,
/// retry with exponential backoff and circuit breaker.
/// </summary>
public sealed class SafeHttpFetcher : IDisposable
{
    private readonly FetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, SourceGate> _gates = new(StringComparer.Ordinal);
    private readonly RobotsCache _robots;

    public SafeHttpFetcher(FetcherOptions options, TimeProvider time, ILogger<SafeHttpFetcher>? logger = null)
    {
        _options = options;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = ConnectCheckedAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = false, // a proxy would connect on our behalf and bypass the address check
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _robots = new RobotsCache(this, options.UserAgent);
    }

    /// <summary>Part of the circuit-open failure text; run status reads it to show the circuit state.</summary>
    public const string CircuitOpenPhrase = "is paused after repeated failures";

    public FetcherOptions Options => _options;

    public async Task<FetchedResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        RequireWebScheme(request.Url);
        var gate = _gates.GetOrAdd(request.Source.Kind, _ => new SourceGate(request.Source, _options, _time));
        if (request.IsHtmlPage && !await _robots.IsAllowedAsync(request, cancellationToken))
            throw new FetchException(FetchFailure.RobotsDisallowed, $"robots.txt of {request.Url.Host} disallows {request.Url.AbsolutePath}");
        try
        {
            return await gate.Pipeline.ExecuteAsync(async ct =>
            {
                await gate.WaitForTurnAsync(ct);
                return await SendFollowingRedirectsAsync(request, ct);
            }, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new FetchException(FetchFailure.CircuitOpen, $"source '{request.Source.Kind}' {CircuitOpenPhrase}; retry later", ex);
        }
    }

    private async Task<FetchedResponse> SendFollowingRedirectsAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var url = request.Url;
        var method = request.Method;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var message = BuildMessage(request, url, method);
                using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                        throw new FetchException(FetchFailure.HttpStatus, $"more than {_options.MaxRedirects} redirects from {request.Url}") { StatusCode = status };
                    url = new Uri(url, location);
                    RequireWebScheme(url);
                    if (status is 301 or 302 or 303) method = HttpMethod.Get;
                    continue;
                }
                if (status is < 200 or >= 300)
                    throw new FetchException(FetchFailure.HttpStatus, $"HTTP {status} {response.ReasonPhrase} from {url}") { StatusCode = status };
                var body = await ReadCappedAsync(response, url, linked.Token);
                return new FetchedResponse(url, status, response.Content.Headers.ContentType?.MediaType, body);
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(FetchFailure.Timeout, $"no complete response from {url} within {_options.Timeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is FetchException refused)
        {
            throw refused;
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException(FetchFailure.Unreachable, $"could not reach {url.Host}: {ex.Message}", ex);
        }
    }

    private HttpRequestMessage BuildMessage(FetchRequest request, Uri url, HttpMethod method)
    {
        var message = new HttpRequestMessage(method, url);
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        message.Headers.Accept.ParseAdd(request.Accept);
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        if (request.JsonBody is not null && method != HttpMethod.Get)
            message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        return message;
    }

    private async Task<string> ReadCappedAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        var max = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > max)
            throw new FetchException(FetchFailure.TooLarge, $"response from {url} is {response.Content.Headers.ContentLength} bytes, over the {max}-byte limit");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
                throw new FetchException(FetchFailure.TooLarge, $"response from {url} exceeds the {max}-byte limit");
            buffer.Write(chunk, 0, read);
        }
        var encoding = EncodingOf(response.Content.Headers.ContentType?.CharSet);
        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Encoding EncodingOf(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private async ValueTask<Stream> ConnectCheckedAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => AddressPolicy.IsAllowed(a, _options.AllowLoopbackForTests)).ToArray();
        // A name that resolves partly inside is refused outright, not narrowed to its public answers.
        if (allowed.Length == 0 || allowed.Length != addresses.Length)
        {
            _logger.LogWarning("Refused connection to {Host}: resolves to {Addresses}", host, string.Join(", ", addresses.Select(a => a.ToString())));
            throw new FetchException(FetchFailure.Refused, $"refused: {host} resolves to a private, loopback or link-local address");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void RequireWebScheme(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            throw new FetchException(FetchFailure.Refused, $"refused: only http and https URLs are fetched, not '{url}'");
    }

    public void Dispose()
    {
        _client.Dispose();
        foreach (var gate in _gates.Values) gate.Dispose();
    }
}
