using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Tracking;

/// <summary>G3 in Chromium: unread notifications are marked on the dashboard, read one at a time or all at once, the user's own only.</summary>
public sealed class NotificationReadTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [SkippableFact]
    public async Task A_user_marks_one_notification_read_then_all_and_another_users_stay_unread()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("reader");
        var reader = await client.RegisterAsync(email);
        var other = await client.RegisterAsync(ApiCalls.UniqueEmail("other"));
        // The welcome notice comes from the event dispatcher; once it is there and read, only the two below are new.
        await Jobsmith.Tests.TestSupport.TestHost.WaitUntilAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Notification>().AnyAsync(n => n.UserId == reader.User.Id);
        }, TimeSpan.FromSeconds(30), "the welcome notification");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var center = scope.ServiceProvider.GetRequiredService<NotificationCenter>();
            await center.MarkAllReadAsync(reader.User.Id, CancellationToken.None);
            await center.NotifyAsync(reader.User.Id, "offer", "Offer: Backend Engineer at Lumen", "Laura wrote.", CancellationToken.None);
            await center.NotifyAsync(reader.User.Id, "interview", "Interview invitation: Data Engineer at Kite", "Jo wrote.", CancellationToken.None);
            await center.NotifyAsync(other.User.Id, "offer", "Offer for someone else", "Not yours.", CancellationToken.None);
        }
        await using var chromium = await ChromiumSession.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync("**/dashboard");

        var card = page.Locator("#notifications");
        await card.GetByText("2 new").WaitForAsync();
        Assert.Equal(2, await card.Locator(".notification-unread").CountAsync());
        await card.GetByRole(AriaRole.Button, new() { Name = "Mark read: Offer: Backend Engineer at Lumen" }).ClickAsync();
        await card.GetByText("1 new").WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard*");
        await card.GetByText("Interview invitation: Data Engineer at Kite").WaitForAsync();
        Assert.Equal(0, await card.Locator(".notification-unread").CountAsync());
        Assert.Equal(0, await card.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).CountAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await db.Set<Notification>().CountAsync(n => n.UserId == reader.User.Id && n.ReadAt == null));
            Assert.True(await db.Set<Notification>().AnyAsync(n => n.UserId == other.User.Id && n.Title == "Offer for someone else" && n.ReadAt == null));
        }
    }
}
