using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>
/// One warm Chromium for the form channel (a singleton): launched on the first submission, relaunched when it has
/// died, closed with the host. Every submission gets its own browser context — its own cookies and storage — so
/// one candidate's session on a site never leaks into another's, and closing it leaves the browser warm.
/// Unlike the PDF browser this one runs the sites' scripts and reaches the network: application forms need both.
/// </summary>
public sealed class FormBrowser(IOptions<BrowserFormOptions> options, ILogger<FormBrowser> logger) : IAsyncDisposable
{
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    /// <summary>How many browsers this instance has launched (1 while it stays healthy).</summary>
    public int Launches { get; private set; }

    /// <summary>A fresh context (no cookies, no storage) in the warm browser; the caller disposes it.</summary>
    public async Task<IBrowserContext> NewContextAsync(CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            AcceptDownloads = false,
        });
        context.SetDefaultTimeout((float)options.Value.ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)options.Value.NavigationTimeout.TotalMilliseconds);
        return context;
    }

    /// <summary>Starts the browser now rather than on the first submission (a warm start for the next one).</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken) => await BrowserAsync(cancellationToken);

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _browser) is { IsConnected: true } warm) return warm;
        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } other) return other;
            await CloseAsync();
            var path = options.Value.ChromiumPath;
            if (!File.Exists(path))
                throw new InvalidOperationException($"The browser form channel needs Chromium, which was not found at {path}. Install it with scripts/setup.sh, "
                    + "or point Channels:BrowserForm:ChromiumPath (JOBSMITH__Channels__BrowserForm__ChromiumPath) at an installed Chromium.");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path, Headless = true, Args = Args, Timeout = (float)options.Value.NavigationTimeout.TotalMilliseconds,
            });
            Launches++;
            logger.LogInformation("Form browser started ({Path}, Chromium {Version})", path, _browser.Version);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task CloseAsync()
    {
        if (_browser is { } browser)
        {
            try
            {
                await browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already gone.
            }
        }
        _browser = null;
        _playwright?.Dispose();
        _playwright = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            await CloseAsync();
        }
        finally
        {
            _launch.Release();
        }
        _launch.Dispose();
    }
}
