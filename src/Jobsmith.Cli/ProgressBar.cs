using System.Diagnostics;

namespace Jobsmith.Cli;

/// <summary>
/// A one-line progress bar on stderr (stdout stays machine-readable for --json). Redrawn in place on a terminal; when
/// stderr is a file or a pipe it writes nothing until <see cref="Finish"/>, so logs do not fill with carriage returns.
/// </summary>
internal sealed class ProgressBar(string label, int total) : IProgress<int>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _done;
    private int _total = total;

    /// <summary>For work whose size is learnt as it goes (events that raise more events).</summary>
    public void Resize(int newTotal) => _total = Math.Max(newTotal, _done);

    public void Report(int value)
    {
        _done = value;
        if (_interactive) Console.Error.Write($"\r{Line()}");
    }

    public void Finish()
    {
        Console.Error.Write(_interactive ? $"\r{Line()}{Environment.NewLine}" : $"{Line()}{Environment.NewLine}");
    }

    private string Line()
    {
        var filled = _total == 0 ? Width : (int)Math.Min(Width, (long)Width * _done / _total);
        var rate = _clock.Elapsed.TotalSeconds > 0 ? _done / _clock.Elapsed.TotalSeconds : 0;
        return $"{label} [{new string('#', filled)}{new string('-', Width - filled)}] {_done}/{_total} {rate:0}/s";
    }
}
