using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.TestSupport;

/// <summary>A real Core host (database, migrations, Quartz) on a test database, without the web layer.</summary>
public static class TestHost
{
    /// <param name="settings">Settings on top of the database's (e.g. an AI provider pointed at a stand-in server).</param>
    public static IHost Build(TestDatabase database, string? role = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(database.Settings(role));
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("JOBSMITH_TEST_LOG") == "1") { builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; }).SetMinimumLevel(LogLevel.Debug); }
        builder.Services.AddJobsmithCore(builder.Configuration);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Polls until the condition holds (background work is asynchronous), failing after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline) throw new TimeoutException($"Timed out after {timeout.TotalSeconds}s waiting for: {what}");
            await Task.Delay(100);
        }
    }
}
