namespace Jobsmith.Channels.BrowserForm;

/// <summary>Section "Channels:BrowserForm": the browser the form channel drives and the limits past which a person takes over.</summary>
public sealed class BrowserFormOptions
{
    public const string Section = "Channels:BrowserForm";

    /// <summary>Debian's Chromium, installed by scripts/setup.sh (the one PDF rendering uses); Playwright never downloads a browser.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Loading the apply page, or the next page of a wizard.</summary>
    public TimeSpan NavigationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One action on a field (fill, pick, upload).</summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait after the final click for a confirmation or an error; past it the outcome is unknown.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Keep a blank page in a fresh context open for the next submission (a worker sends one after another). A command
    /// that sends a single application switches it off: the spare would only compete with the send for the CPU.
    /// </summary>
    public bool KeepPageReady { get; set; } = true;

    /// <summary>F4 complexity: more fields than this (all pages together) go to a person.</summary>
    public int MaxFields { get; set; } = 60;

    /// <summary>F4 complexity: a wizard with more pages than this goes to a person.</summary>
    public int MaxPages { get; set; } = 6;
}
