using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// A desktop-size browser context signed in as one candidate through the login page, recording every console error
/// and script error the journey meets in <see cref="Problems"/>.
/// </summary>
internal sealed class SignedInBrowser : IAsyncDisposable
{
    private SignedInBrowser(IBrowserContext context, IPage page) => (Context, Page) = (context, page);

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> Problems { get; } = [];

    public static async Task<SignedInBrowser> SignInAsync(IBrowser browser, Uri baseAddress, string email, string password, float timeout)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(timeout);
        page.SetDefaultNavigationTimeout(timeout);
        var session = new SignedInBrowser(context, page);
        page.Console += (_, message) => { if (message.Type == "error") session.Problems.Add($"{page.Url}: {message.Text}"); };
        page.PageError += (_, error) => session.Problems.Add($"{page.Url}: {error}");

        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return session;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
