using System.Collections.Concurrent;

namespace Jobsmith.Core.Jobs.Fetching;

/// <summary>
/// robots.txt per origin, fetched once per fetcher lifetime (RFC 9309 §2.3.1). A missing file (4xx) allows
/// everything; a server error, timeout, unreachable host or oversized file disallows everything, and that answer is
/// not kept, so the next fetch asks again once the site is back.
/// </summary>
internal sealed class RobotsCache(SafeHttpFetcher fetcher, string userAgent)
{
    private readonly ConcurrentDictionary<string, Task<RobotsTxt>> _byOrigin = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _token = userAgent.Split('/')[0];

    public async Task<bool> IsAllowedAsync(FetchRequest page, CancellationToken cancellationToken)
    {
        var origin = page.Url.GetLeftPart(UriPartial.Authority);
        var loading = _byOrigin.GetOrAdd(origin, o => LoadAsync(new Uri(o + "/robots.txt"), page, cancellationToken));
        try
        {
            var robots = await loading;
            if (ReferenceEquals(robots, RobotsTxt.DisallowAll)) _byOrigin.TryRemove(KeyValuePair.Create(origin, loading));
            return robots.IsAllowed(page.Url.PathAndQuery);
        }
        catch (OperationCanceledException)
        {
            // A cancelled first caller must not leave a cancelled task cached for everyone after it.
            _byOrigin.TryRemove(KeyValuePair.Create(origin, loading));
            throw;
        }
    }

    private async Task<RobotsTxt> LoadAsync(Uri robotsUrl, FetchRequest page, CancellationToken cancellationToken)
    {
        try
        {
            var response = await fetcher.FetchAsync(new FetchRequest(robotsUrl, page.Source) { Accept = "text/plain" }, cancellationToken);
            return RobotsTxt.Parse(response.Body, _token);
        }
        catch (FetchException ex) when (ex.Failure == FetchFailure.HttpStatus && ex.StatusCode is >= 400 and < 500)
        {
            return RobotsTxt.AllowAll;
        }
        catch (FetchException ex) when (ex.Failure is FetchFailure.HttpStatus or FetchFailure.Unreachable or FetchFailure.Timeout or FetchFailure.TooLarge)
        {
            return RobotsTxt.DisallowAll;
        }
    }
}
