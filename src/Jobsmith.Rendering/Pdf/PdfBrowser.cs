using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Jobsmith.Rendering.Pdf;

/// <summary>
/// One warm Chromium for the whole process (a singleton): launched on the first PDF, relaunched when it has died,
/// closed with the host. Starting a browser takes about a second; printing a page in a warm one takes milliseconds,
/// so pages are kept and reused too. The browser context is offline and runs no scripts: a document is our own
/// self-contained HTML, and nothing in it may reach the network.
/// </summary>
public sealed class PdfBrowser(IOptions<RenderingOptions> options, ILogger<PdfBrowser> logger) : IAsyncDisposable
{
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-extensions",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private Session? _session;
    private bool _disposed;

    /// <summary>How many browsers this instance has launched (1 while it stays healthy).</summary>
    public int Launches { get; private set; }

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var session = await SessionAsync(cancellationToken);
            IPage? page = null;
            try
            {
                page = await session.RentAsync();
                var timeout = (float)options.Value.Timeout.TotalMilliseconds;
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
                var pdf = await page.PdfAsync(PdfOptions(options.Value, timeout));
                session.Return(page);
                page = null;
                return pdf;
            }
            catch (PlaywrightException ex) when (attempt == 1 && !session.IsAlive)
            {
                // The browser died between or during calls (killed, out of memory): start a fresh one and try once more.
                logger.LogWarning(ex, "The PDF browser stopped; starting a new one");
                await RetireAsync(session);
            }
            finally
            {
                if (page is not null) await CloseQuietlyAsync(page);
            }
        }
    }

    private static PagePdfOptions PdfOptions(RenderingOptions o, float timeout)
    {
        var margin = o.MarginInches.ToString("0.##", CultureInfo.InvariantCulture) + "in";
        return new PagePdfOptions
        {
            Format = o.PaperSize,
            PrintBackground = true,
            // Tagged PDF: headings and lists stay structure for screen readers and parsers, not only positioned glyphs.
            Tagged = true,
            Margin = new Margin { Top = margin, Bottom = margin, Left = margin, Right = margin },
        };
    }

    private async Task<Session> SessionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _session) is { IsAlive: true } warm) return warm;
        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is { IsAlive: true } other) return other;
            if (_session is { } dead)
            {
                _session = null;
                await dead.DisposeAsync();
            }
            _session = await LaunchAsync();
            return _session;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task<Session> LaunchAsync()
    {
        var path = options.Value.ChromiumPath;
        if (!File.Exists(path)) throw BrowserUnavailableException.Missing(path);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path, Headless = true, Args = Args, Timeout = (float)options.Value.Timeout.TotalMilliseconds,
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
            Launches++;
            logger.LogInformation("PDF browser started ({Path}, Chromium {Version})", path, browser.Version);
            return new Session(playwright, browser, context);
        }
        catch (PlaywrightException ex)
        {
            playwright.Dispose();
            throw new BrowserUnavailableException($"Chromium at {path} could not be started: {ex.Message} Reinstall it with scripts/setup.sh.", ex);
        }
    }

    private async Task RetireAsync(Session session)
    {
        await _launch.WaitAsync();
        try
        {
            if (ReferenceEquals(_session, session)) _session = null;
        }
        finally
        {
            _launch.Release();
        }
        await session.DisposeAsync();
    }

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The page or its browser is gone already.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            if (_session is { } session) await session.DisposeAsync();
            _session = null;
        }
        finally
        {
            _launch.Release();
        }
        _launch.Dispose();
    }

    /// <summary>One launched browser with its idle pages; replaced as a whole when the browser dies.</summary>
    private sealed class Session(IPlaywright playwright, IBrowser browser, IBrowserContext context) : IAsyncDisposable
    {
        private readonly int _maxIdle = Math.Max(2, Environment.ProcessorCount);
        private readonly ConcurrentBag<IPage> _idle = [];
        private int _disposed;

        public bool IsAlive => Volatile.Read(ref _disposed) == 0 && browser.IsConnected;

        public async Task<IPage> RentAsync()
        {
            while (_idle.TryTake(out var page))
                if (!page.IsClosed) return page;
            return await context.NewPageAsync();
        }

        public void Return(IPage page)
        {
            if (_idle.Count < _maxIdle && IsAlive) _idle.Add(page);
            else _ = CloseQuietlyAsync(page);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            try
            {
                await browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Closing a browser that already died.
            }
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
