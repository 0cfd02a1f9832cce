namespace Jobsmith.Rendering.Pdf;

/// <summary>PDF output needs Chromium; this says where it was looked for and how to install it.</summary>
public sealed class BrowserUnavailableException : Exception
{
    public BrowserUnavailableException() { }

    public BrowserUnavailableException(string message) : base(message) { }

    public BrowserUnavailableException(string message, Exception inner) : base(message, inner) { }

    public static BrowserUnavailableException Missing(string path) => new(
        $"PDF rendering needs Chromium, which was not found at {path}. Install it with scripts/setup.sh (Debian package " +
        "'chromium'), or point Rendering:ChromiumPath (JOBSMITH__Rendering__ChromiumPath) at an installed Chromium.");
}
