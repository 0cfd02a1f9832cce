using System.Net;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Core.Notifications.Preferences;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Settings;

/// <summary>
/// G2, G3, G4 in Chromium: a candidate sets a phone and time zone (a refused value stays where it was typed), chooses
/// notification channels, and connects a real IMAP mailbox (dovecot on loopback): a wrong password is told at once and
/// nothing is kept, the right one connects, "Check now" polls, and disconnecting forgets it.
/// </summary>
public sealed class SettingsPageTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const float SlowMachineTimeout = 60_000;

    [SkippableFact]
    public async Task A_candidate_sets_phone_zone_and_notifications_and_connects_checks_and_disconnects_a_mailbox()
    {
        var imap = Environment.GetEnvironmentVariable("JOBSMITH_TEST_IMAP");
        Infrastructure.Require(!string.IsNullOrEmpty(imap), "IMAP server not configured: run scripts/services.sh start (it sets JOBSMITH_TEST_IMAP)");
        var server = IPEndPoint.Parse(imap!);
        var (imapUser, imapPassword) = (Environment.GetEnvironmentVariable("JOBSMITH_TEST_IMAP_USER")!, Environment.GetEnvironmentVariable("JOBSMITH_TEST_IMAP_PASSWORD")!);

        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("settings");
        var candidate = await client.RegisterAsync(email);
        await using var chromium = await ChromiumSession.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SlowMachineTimeout);
        page.SetDefaultNavigationTimeout(SlowMachineTimeout);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync("**/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/settings");

        // Phone and time zone: a number without its country code is refused and stays in the box.
        var phone = page.GetByLabel("Mobile number for texts");
        await phone.FillAsync("0151 2345");
        await page.Locator("#account").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByText("Enter the number with its country code").WaitForAsync();
        Assert.Equal("0151 2345", await phone.InputValueAsync());
        await phone.FillAsync("+49 151 2345 6789");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.Locator("#account").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/settings?saved=account*");
        Assert.Equal("Europe/Berlin", await page.GetByLabel("Time zone").InputValueAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AccountSettings>().GetAsync(candidate.User.Id, CancellationToken.None);
            Assert.Equal(("+4915123456789", "Europe/Berlin"), (stored!.Phone, stored.TimeZone));
        }

        // Notifications: texts on, the weekly report not by email.
        await page.GetByLabel("Text messages (SMS)").CheckAsync();
        await page.GetByLabel("Weekly report by email").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notifications" }).ClickAsync();
        await page.WaitForURLAsync("**/settings?saved=notifications*");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var preferences = await scope.ServiceProvider.GetRequiredService<NotificationPreferences>().GetAsync(candidate.User.Id, CancellationToken.None);
            Assert.True(preferences.SmsEnabled);
            Assert.False(preferences.Types[NotificationTypes.WeeklyReport].Email);
            Assert.True(preferences.Types[NotificationTypes.Interview].Sms);
        }
        Assert.True(await page.GetByLabel("Text messages (SMS)").IsCheckedAsync());

        // Mailbox: a wrong password is refused at once, nothing is kept, and what was typed (but the password) stays.
        var mailbox = page.Locator("#mailbox");
        await mailbox.GetByLabel("Server").FillAsync(server.Address.ToString());
        await mailbox.GetByLabel("Port").FillAsync(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await mailbox.GetByLabel("Security").SelectOptionAsync(ImapSecurity.None);
        await mailbox.GetByLabel("User name").FillAsync(imapUser);
        await mailbox.GetByLabel("Password").FillAsync("not-the-password");
        await mailbox.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await page.GetByText("refused the user name or password").WaitForAsync();
        Assert.Equal(server.Address.ToString(), await mailbox.GetByLabel("Server").InputValueAsync());
        Assert.Equal(imapUser, await mailbox.GetByLabel("User name").InputValueAsync());
        Assert.Equal(ImapSecurity.None, await mailbox.GetByLabel("Security").InputValueAsync());
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.False((await scope.ServiceProvider.GetRequiredService<MailboxSettings>().GetAsync(candidate.User.Id, CancellationToken.None)).Connected);

        await mailbox.GetByLabel("Password").FillAsync(imapPassword);
        await mailbox.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await page.WaitForURLAsync("**/settings?saved=mailbox*");
        await mailbox.GetByText("Connected", new() { Exact = true }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("settings-desktop"), FullPage = true });

        await mailbox.GetByRole(AriaRole.Button, new() { Name = "Check now" }).ClickAsync();
        await page.WaitForURLAsync("**/settings?checked=*");
        await mailbox.GetByText("Checked:").WaitForAsync();
        Assert.NotEqual("Not yet", (await mailbox.Locator("dd").Nth(2).InnerTextAsync()).Trim());

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the settings page overflows at phone width");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("settings-phone"), FullPage = true });

        await mailbox.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, continue" }).ClickAsync();
        await page.WaitForURLAsync("**/settings?saved=mailbox-removed*");
        await mailbox.GetByText("Not connected").WaitForAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<InboxSettings>().FindAsync(candidate.User.Id);
            Assert.Null(row!.ImapProtectedPassword);
        }
    }
}
