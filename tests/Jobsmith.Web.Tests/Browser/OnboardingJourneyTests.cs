using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Jobs;
using Jobsmith.Web.Tests.Support;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// A3, B2, D2 in Chromium: a new candidate goes from a real PDF resume to a first ranked match, typing nothing the
/// resume already says, at desktop and phone size; and a rejected step keeps what was typed.
/// </summary>
public sealed class OnboardingJourneyTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const float SlowMachineTimeout = 60_000;

    [SkippableTheory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task From_a_pdf_resume_to_a_first_ranked_match_without_retyping_the_resume(string device, int width, int height)
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        await using var chromium = await ChromiumSession.StartAsync();
        var pdf = await ResumePdfAsync(chromium);
        var page = await NewPageAsync(chromium, app, width, height, device == "phone");
        await RegisterAsync(page, ApiCalls.UniqueEmail("journey-" + device));

        await page.GotoAsync("/onboarding");
        await page.WaitForURLAsync("**/onboarding/resume");
        await AssertCurrentStepAsync(page, "Resume");
        await ShotAsync(page, $"onboarding-1-resume-{device}");
        await page.GetByLabel("Resume file").SetInputFilesAsync(new FilePayload { Name = "lena-hoffmann.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and read" }).ClickAsync();

        await page.WaitForURLAsync("**/onboarding/review**");
        await AssertCurrentStepAsync(page, "Review");
        var review = page.Locator("main");
        foreach (var heading in new[] { "Contact and summary", "Work experience", "Education", "Skills" })
            Assert.Equal(1, await review.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 2 }).CountAsync());
        Assert.Equal("Lena Hoffmann", await page.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        var values = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('main .review-fact :is(input, textarea)')].map(i => i.value)");
        Assert.Contains("Built the storage engine of a time-series database in Rust, serving 2 million writes per second", values);
        // Junk never becomes a fact: icon glyphs, section headings, profile-site names, patents under the last job.
        Assert.DoesNotContain(values, v => !v.Any(char.IsLetterOrDigit) || v is "!" or "PATENTS" or "LinkedIn" or "GitHub" || v.Contains("US 11,204,117", StringComparison.Ordinal));
        // The source line is there on demand, folded away until asked for.
        var source = page.Locator("#card-job-0 details.source").First;
        Assert.False(await source.Locator("pre").IsVisibleAsync());
        await source.Locator("summary").ClickAsync();
        Assert.True(await source.Locator("pre").IsVisibleAsync());
        await AssertFitsAsync(page, "review");
        await ShotAsync(page, $"onboarding-2-review-{device}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept all and continue" }).First.ClickAsync();

        await page.WaitForURLAsync("**/onboarding/goals");
        await AssertCurrentStepAsync(page, "Goals");
        Assert.Equal("Senior Rust Engineer", await page.GetByLabel("Roles you want").InputValueAsync());
        Assert.Equal("Berlin, Germany", await page.GetByLabel("Where").InputValueAsync());
        await ShotAsync(page, $"onboarding-3-goals-{device}");
        await ContinueAsync(page, "**/onboarding/experience");

        Assert.Equal("senior", await page.GetByLabel("Level").InputValueAsync());
        Assert.NotEqual("", await page.GetByLabel("Years of experience").InputValueAsync());
        await ShotAsync(page, $"onboarding-4-experience-{device}");
        await ContinueAsync(page, "**/onboarding/education");

        Assert.Contains("M.Sc. Computer Science", await page.Locator("main").InnerTextAsync());
        await ShotAsync(page, $"onboarding-5-education-{device}");
        await ContinueAsync(page, "**/onboarding/work-history");

        Assert.Contains("Quarzdata GmbH", await page.Locator("main").InnerTextAsync());
        await ShotAsync(page, $"onboarding-6-work-history-{device}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Looks right, continue" }).ClickAsync();

        await page.WaitForURLAsync("**/onboarding/done");
        await AssertCurrentStepAsync(page, "Done");
        Assert.Contains("Your agents are ready to start", await page.Locator("main").InnerTextAsync());
        await ShotAsync(page, $"onboarding-7-done-{device}");
        // The first run ranks every stored posting: on a loaded 2-core machine it may take longer than a page load.
        await page.GetByRole(AriaRole.Button, new() { Name = "Find my first matches" }).ClickAsync(new() { Timeout = 3 * SlowMachineTimeout });
        await page.WaitForURLAsync("**/matches?found=**", new() { Timeout = 3 * SlowMachineTimeout });
        var first = page.Locator(".workspace-list .list-group-item").First;
        Assert.Contains("Senior Rust Engineer", await first.InnerTextAsync());
        await ShotAsync(page, $"onboarding-8-first-match-{device}");
    }

    [SkippableFact]
    public async Task A_rejected_step_shows_the_error_and_keeps_what_was_typed()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        await using var chromium = await ChromiumSession.StartAsync();
        var pdf = await ResumePdfAsync(chromium);
        var page = await NewPageAsync(chromium, app, 1280, 800, false);
        await RegisterAsync(page, ApiCalls.UniqueEmail("typed"));
        await page.GotoAsync("/onboarding/resume");
        await page.GetByLabel("Resume file").SetInputFilesAsync(new FilePayload { Name = "cv.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and read" }).ClickAsync();
        await page.WaitForURLAsync("**/onboarding/review**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept all and continue" }).First.ClickAsync();

        await page.WaitForURLAsync("**/onboarding/goals");
        await page.GetByLabel("Roles you want").FillAsync("");
        await page.GetByLabel("Where").FillAsync("Lisbon, Porto");
        await page.GetByLabel("Remote work").SelectOptionAsync("hybrid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.WaitForURLAsync("**/onboarding/goals?**");
        Assert.Contains("Add at least one role you are looking for.", await page.Locator("main").InnerTextAsync());
        Assert.Equal("Lisbon, Porto", await page.GetByLabel("Where").InputValueAsync());
        Assert.Equal("hybrid", await page.GetByLabel("Remote work").InputValueAsync());
        Assert.Equal("true", await page.GetByLabel("Roles you want").GetAttributeAsync("aria-invalid"));
        await page.GetByLabel("Roles you want").FillAsync("Rust Engineer");
        await ContinueAsync(page, "**/onboarding/experience");

        await page.GetByLabel("Level").SelectOptionAsync("lead");
        await page.GetByLabel("Salary from").FillAsync("lots");
        await page.GetByLabel("Salary to").FillAsync("120000");
        await page.GetByLabel("Currency").FillAsync("EUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.WaitForURLAsync("**/onboarding/experience?**");
        Assert.Contains("Write the salary as a number", await page.Locator("main").InnerTextAsync());
        Assert.Equal("lots", await page.GetByLabel("Salary from").InputValueAsync());
        Assert.Equal("120000", await page.GetByLabel("Salary to").InputValueAsync());
        Assert.Equal("EUR", await page.GetByLabel("Currency").InputValueAsync());
        Assert.Equal("lead", await page.GetByLabel("Level").InputValueAsync());
        await AssertCurrentStepAsync(page, "Experience");
        await ShotAsync(page, "onboarding-error-kept-desktop");

        // Leaving and coming back continues at the step reached, not at the start.
        await page.GotoAsync("/dashboard");
        await page.GotoAsync("/onboarding");
        await page.WaitForURLAsync("**/onboarding/experience");
    }

    // A real PDF, typeset by Chromium's print engine from an HTML resume, with a text layer like a word processor's.
    private static async Task<byte[]> ResumePdfAsync(ChromiumSession chromium)
    {
        var html = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Browser", "Fixtures", "resume-rust-engineer.html"));
        var printer = await chromium.Browser.NewPageAsync();
        await printer.SetContentAsync(html);
        var pdf = await printer.PdfAsync(new PagePdfOptions { Format = "A4", Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "18mm", Right = "18mm" } });
        await printer.CloseAsync();
        return pdf;
    }

    private static async Task<IPage> NewPageAsync(ChromiumSession chromium, JobsmithWebApp app, int width, int height, bool phone)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = phone, HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SlowMachineTimeout);
        page.SetDefaultNavigationTimeout(SlowMachineTimeout);
        return page;
    }

    // The account's own details are not the resume's: a different address and a nickname.
    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/register");
        await page.GetByLabel("Your name").FillAsync("Lee");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.Password);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
    }

    private static async Task ContinueAsync(IPage page, string next)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.WaitForURLAsync(next);
    }

    private static async Task AssertCurrentStepAsync(IPage page, string title)
    {
        var current = page.Locator("nav[aria-label='Onboarding steps'] [aria-current=step]");
        Assert.Equal(1, await current.CountAsync());
        Assert.Equal(title, (await current.TextContentAsync())?.Trim());
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{what} overflows horizontally: scrollWidth {scrollWidth} > innerWidth {innerWidth}");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        await AssertFitsAsync(page, name);
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath(name), FullPage = true });
    }
}
