using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>
/// One warm Chromium for the form channel (a singleton): launched on the first submission, relaunched when it has
/// died, closed with the host. Every submission gets its own browser context — its own cookies and storage — so
/// one candidate's session on a site never leaks into another's, and closing it leaves the browser warm. Opening a
/// context and its first page costs a few hundred milliseconds (a renderer process starts), so one blank page in a
/// fresh context is kept ready for the next submission and replaced as soon as it is taken.
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
    private readonly Lock _spareGate = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Task<IPage>? _spare;
    private volatile bool _disposed;

    /// <summary>How many browsers this instance has launched (1 while it stays healthy).</summary>
    public int Launches { get; private set; }

    /// <summary>
    /// A blank page in a fresh context (no cookies, no storage, nothing visited) in the warm browser — the one kept
    /// ready when it is still alive; the caller closes its context.
    /// </summary>
    public async Task<IPage> NewPageAsync(CancellationToken cancellationToken)
    {
        Task<IPage>? spare;
        lock (_spareGate) (spare, _spare) = (_spare, null);
        var page = spare is null ? null : await ReadyOrNullAsync(spare);
        page ??= await OpenPageAsync(cancellationToken);
        PrepareSpare();
        return page;
    }

    private static async Task<IPage?> ReadyOrNullAsync(Task<IPage> spare)
    {
        try
        {
            var page = await spare;
            return !page.IsClosed && page.Context.Browser is { IsConnected: true } ? page : null;
        }
        catch (Exception e) when (e is PlaywrightException or ObjectDisposedException or InvalidOperationException or TimeoutException)
        {
            // The browser died or was replaced while the page waited: open a new one.
            return null;
        }
    }

    private void PrepareSpare()
    {
        lock (_spareGate)
        {
            if (_disposed || _spare is not null || !options.Value.KeepPageReady) return;
            _spare = OpenPageAsync(CancellationToken.None);
            // Observed here so a failure (the browser closing with the host) is never an unobserved exception.
            _spare.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private async Task<IPage> OpenPageAsync(CancellationToken cancellationToken)
    {
        var context = await NewContextAsync(cancellationToken);
        try
        {
            return await context.NewPageAsync();
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>A fresh context (no cookies, no storage) in the warm browser; the caller disposes it.</summary>
    private async Task<IBrowserContext> NewContextAsync(CancellationToken cancellationToken)
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
