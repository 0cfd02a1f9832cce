using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>M1 / M2 in a real browser: the sign-in pages, the dashboard, live notifications, phone layout, keyboard use.</summary>
public sealed class AccountJourneyTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    // Generous: the suite shares 2 cores with the server and Chromium, and a loaded CI machine is slow, not broken.
    private const float SlowMachineTimeout = 60_000;

    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = SlowMachineTimeout };

    [SkippableFact]
    public async Task Register_log_out_log_in_and_see_a_live_notification()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        await using var chromium = await ChromiumSession.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SlowMachineTimeout);
        page.SetDefaultNavigationTimeout(SlowMachineTimeout);
        var email = ApiCalls.UniqueEmail("browser");

        await page.GotoAsync("/register");
        await AssertEveryInputHasALabelAsync(page);
        await page.GetByLabel("Your name").FillAsync("Ada Browser");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        Assert.Equal("Hello, Ada Browser", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/dashboard");
        await page.WaitForURLAsync("**/login**");

        // Keyboard only: type the credentials and submit with Enter.
        await AssertEveryInputHasALabelAsync(page);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync("**/dashboard");
        // The toast area is empty (so zero-sized) until something arrives: wait for the attribute, not visibility.
        await page.WaitForSelectorAsync("#live-notifications[data-connected=true]", new() { State = WaitForSelectorState.Attached, Timeout = SlowMachineTimeout });

        await NotifyAsync(app, email, "Interview invitation from Acme");
        await page.WaitForSelectorAsync("#live-notifications .toast:has-text('Interview invitation from Acme')", Visible);
        await page.WaitForSelectorAsync("#notification-list li:has-text('Interview invitation from Acme')", Visible);
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("dashboard-desktop"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await AssertNoHorizontalOverflowAsync(page, "dashboard");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("dashboard-phone"), FullPage = true });
    }

    [SkippableFact]
    public async Task Public_pages_fit_a_phone_screen()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        await using var chromium = await ChromiumSession.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SlowMachineTimeout);
        page.SetDefaultNavigationTimeout(SlowMachineTimeout);
        foreach (var (path, name) in new[] { ("/", "home"), ("/login", "login"), ("/register", "register"), ("/forgot-password", "forgot-password") })
        {
            await page.GotoAsync(path);
            // Styled means the npm-copied Tabler stylesheet was served, not just the markup: the main action is coloured.
            Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main .btn-primary')).backgroundColor"));
            await AssertNoHorizontalOverflowAsync(page, path);
            await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath($"{name}-phone"), FullPage = true });
        }
    }

    private static async Task NotifyAsync(JobsmithWebApp app, string email, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<JobsmithUser>>().FindByEmailAsync(email);
        await CrossUserScenario.NotifyAsync(app, user!.Id, title);
    }

    private static async Task AssertNoHorizontalOverflowAsync(IPage page, string what)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{what} overflows horizontally: scrollWidth {scrollWidth} > innerWidth {innerWidth}");
    }

    private static async Task AssertEveryInputHasALabelAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]" +
            ".filter(i => i.labels.length === 0 && !i.getAttribute('aria-label')).map(i => i.name || i.id)");
        Assert.Empty(unlabelled);
    }
}
