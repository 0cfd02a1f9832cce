using Jobsmith.Tests.TestSupport;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). Skips with the reason when the
/// browser is not installed, so a machine without scripts/setup.sh reports it instead of failing obscurely.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;

    private ChromiumSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumSession> StartAsync()
    {
        Infrastructure.Require(File.Exists(ExecutablePath), $"Chromium not found at {ExecutablePath}: run scripts/setup.sh");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
        return new ChromiumSession(playwright, browser);
    }

    /// <summary>Where screenshots go: beside the test binaries, kept after the run for people to look at.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
