namespace Jobsmith.Rendering;

/// <summary>Section "Rendering": the browser that prints PDFs and the paper they are printed on.</summary>
public sealed class RenderingOptions
{
    public const string Section = "Rendering";

    /// <summary>Debian's Chromium, installed by scripts/setup.sh; Playwright drives it and never downloads a browser.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>"Letter" (default) or "A4".</summary>
    public string PaperSize { get; set; } = "Letter";

    /// <summary>Page margin on every side, in inches.</summary>
    public double MarginInches { get; set; } = 0.6;

    /// <summary>How long one PDF may take, browser start included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public static bool IsKnownPaperSize(string size) => size is "Letter" or "A4";
}
