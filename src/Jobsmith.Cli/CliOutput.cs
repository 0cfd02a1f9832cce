using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jobsmith.Cli;

/// <summary>Writes a result as JSON (for --json) or as a short human line, and errors as one line on stderr.</summary>
internal static class CliOutput
{
    public const int Ok = 0;
    public const int BadInput = 2;
    public const int Failure = 1;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static int Result(GlobalOptions global, object value, string humanLine)
    {
        Console.Out.WriteLine(global.Json ? JsonSerializer.Serialize(value, Json) : humanLine);
        return Ok;
    }

    /// <summary>A progress line on stderr, so --json output on stdout stays machine-readable.</summary>
    public static void Progress(string line) => Console.Error.WriteLine(line);

    public static int Error(string message, int code = BadInput)
    {
        Console.Error.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        return code;
    }
}
