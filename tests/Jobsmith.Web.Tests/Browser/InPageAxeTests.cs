namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// The every-page audit is only as good as its accessibility check (M2): axe run in the page must report what it is
/// there to catch — an image without a text alternative, an unlabelled field, unreadable contrast — and stay quiet
/// on the same markup done right.
/// </summary>
public sealed class InPageAxeTests
{
    [SkippableFact]
    public async Task Axe_in_the_page_reports_missing_alt_text_labels_and_contrast_and_passes_the_fixed_page()
    {
        await using var chromium = await ChromiumSession.StartAsync();
        var page = await chromium.Browser.NewPageAsync();
        await page.SetContentAsync(Page(alt: "", label: "", colour: "#bbb"));

        var all = await InPageAxe.ViolationsAsync(page);
        Assert.Contains(all, v => v.Id == "image-alt" && v.Impact == "critical" && v.Nodes.Single().Contains("logo.png", StringComparison.Ordinal));
        Assert.Contains(all, v => v.Id == "label");
        Assert.Contains(all, v => v.Id == "color-contrast" && v.Impact == "serious");
        // Asked for the colour rules only, it reports those alone.
        var colour = await InPageAxe.ViolationsAsync(page, ["color-contrast"]);
        Assert.Equal(["color-contrast"], colour.Select(v => v.Id));

        await page.SetContentAsync(Page(alt: " alt=\"Jobsmith\"", label: "<label for=\"q\">Search</label>", colour: "#222"));
        Assert.Empty(await InPageAxe.ViolationsAsync(page));
    }

    private static string Page(string alt, string label, string colour) => $"""
        <!doctype html><html lang="en"><head><title>Audit</title></head>
        <body><main><h1>Jobs</h1><img src="logo.png"{alt}>{label}<input id="q" type="text">
        <p style="color:{colour};background:#fff">Senior Backend Engineer at Lumen Data</p></main></body></html>
        """;
}
