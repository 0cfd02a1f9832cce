using Jobsmith.Core.Jobs.Fetching;

namespace Jobsmith.Tests.Jobs;

internal static class TestFetchers
{
    /// <summary>A fetcher that may reach the loopback replay server; fast retries so failure tests stay quick.</summary>
    public static SafeHttpFetcher Loopback(Action<FetcherOptions>? configure = null)
    {
        var options = new FetcherOptions
        {
            AllowLoopbackForTests = true,
            MaxRetryAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new SafeHttpFetcher(options, TimeProvider.System);
    }

    public static string Recording(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Jobs", "Recordings", name));
}
