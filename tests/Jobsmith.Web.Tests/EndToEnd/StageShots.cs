using System.Diagnostics;
using Jobsmith.Web.Tests.Browser;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobsmith.Web.Tests.EndToEnd;

/// <summary>
/// A numbered full-page screenshot of each stage of the loop (desktop width), beside the other browser tests' shots,
/// and the time each stage took in the test output: the figures to look at when the loop gets slow.
/// </summary>
internal sealed class StageShots(IPage page, ITestOutputHelper output)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _stage = Stopwatch.StartNew();
    private int _number;

    public async Task TakeAsync(string stage)
    {
        var name = $"end-to-end-{++_number:00}-{stage}-desktop";
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{stage}: the page overflows horizontally ({scrollWidth} > {innerWidth})");
        // A page opened at an anchor (#detail) is scrolled, and the fixed sidebar would be drawn at that offset.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath(name), FullPage = true });
        output.WriteLine($"{name}: {_stage.Elapsed.TotalSeconds:0.0} s (total {_total.Elapsed.TotalSeconds:0.0} s)");
        _stage.Restart();
    }
}
