namespace Jobsmith.Core.Jobs.Fetching;

/// <summary>Limits and identity for every outbound request made on behalf of a job source.</summary>
public sealed class FetcherOptions
{
    public const string SectionName = "Jobs:Fetching";

    public string UserAgent { get; set; } = "JobsmithBot/1.0 (+https://github.com/jobsmith/jobsmith; self-hosted job search agent)";

    /// <summary>Bodies larger than this are refused; 10 MB is far above any job board page.</summary>
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public int MaxRedirects { get; set; } = 5;

    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive-failure window for the per-source circuit breaker.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Tests only: lets requests reach 127.0.0.1 / ::1 so local stand-in servers can be used.
    /// Private and link-local ranges stay refused even then.
    /// </summary>
    public bool AllowLoopbackForTests { get; set; }
}
