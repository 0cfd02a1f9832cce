using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Hosting;

/// <summary>
/// The console log format every host shares: one readable line per event by default, JSON (one object per line, for
/// log collectors) when "Jobsmith:LogFormat" is "json".
/// </summary>
public static class ConsoleLogging
{
    public const string FormatKey = "Jobsmith:LogFormat";

    public static bool IsJson(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var format = configuration[FormatKey];
        if (string.IsNullOrWhiteSpace(format) || format.Equals("text", StringComparison.OrdinalIgnoreCase)) return false;
        if (format.Equals("json", StringComparison.OrdinalIgnoreCase)) return true;
        throw new InvalidOperationException($"{FormatKey} must be \"text\" or \"json\" (found \"{format}\")");
    }

    /// <summary>Replaces the console providers with the configured format. <paramref name="toStandardError"/> keeps stdout for results.</summary>
    public static ILoggingBuilder AddJobsmithConsole(this ILoggingBuilder logging, IConfiguration configuration, bool toStandardError = false, bool timestamps = true)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var json = IsJson(configuration);
        logging.ClearProviders();
        if (json)
        {
            logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "O";
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = timestamps ? "yyyy-MM-dd HH:mm:ss'Z' " : null;
            });
        }
        if (toStandardError) logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return logging;
    }
}
