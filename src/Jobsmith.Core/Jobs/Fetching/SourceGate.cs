using System.Threading.RateLimiting;
using Jobsmith.Core.Jobs.Sources;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Jobsmith.Core.Jobs.Fetching;

/// <summary>Per-source throttling and resilience: a token bucket, retries with exponential backoff, a circuit breaker.</summary>
internal sealed class SourceGate : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;

    public SourceGate(SourceDescriptor source, FetcherOptions options, TimeProvider time)
    {
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = source.RateLimit.Requests,
            TokensPerPeriod = source.RateLimit.Requests,
            ReplenishmentPeriod = source.RateLimit.Per,
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        var transient = new PredicateBuilder().Handle<FetchException>(e => e.IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromMinutes(2),
                BreakDuration = options.BreakDuration,
            });
        // Polly requires at least one attempt; zero means "no retry strategy at all".
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
            });
        }
        Pipeline = builder.Build();
    }

    public ResiliencePipeline Pipeline { get; }

    public async ValueTask WaitForTurnAsync(CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
            throw new FetchException(FetchFailure.CircuitOpen, "too many requests queued for this source; try again later");
    }

    public void Dispose() => _limiter.Dispose();
}
