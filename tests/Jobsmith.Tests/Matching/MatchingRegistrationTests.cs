using Jobsmith.Core.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Matching;

public sealed class MatchingRegistrationTests
{
    [Fact]
    public void Absent_vectors_leave_matching_lexical_with_one_warning()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobsmith-match-reg-" + Guid.NewGuid().ToString("N"));
        var logger = new ListLogger();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Matching:VectorsSource"] = Path.Combine(folder, "absent.json"),
            ["Jobsmith:DataDirectory"] = folder,
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(new SingleLoggerFactory(logger))
            .AddLogging()
            .AddMatching()
            .BuildServiceProvider();

        var vectors = services.GetRequiredService<MatchingVectors>();
        Assert.Null(vectors.Sif);
        Assert.Null(vectors.Sif);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.NotNull(services.GetRequiredService<Matcher>());
        Assert.False(Directory.Exists(folder));
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
