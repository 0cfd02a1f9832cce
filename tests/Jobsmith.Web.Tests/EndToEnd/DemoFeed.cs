using Jobsmith.Core.Orchestration.Demo;

namespace Jobsmith.Web.Tests.EndToEnd;

/// <summary>
/// The demo feed and resume the project ships for <c>jobsmith demo</c>, so the loop runs on the same realistic data a
/// first-time user sees. One posting's apply link points at a local form site instead of its mailto address, so its
/// application goes out through the browser form channel to a site the test can read back.
/// </summary>
internal static class DemoFeed
{
    public const string FormTitle = "Senior Backend Engineer (Go)";
    public const string FormCompany = "Lumen Payments";
    public const string FormCompanyDomain = "lumen-payments.example";
    public const string ResumeName = "Mara Lindqvist";
    public const string ResumeEmail = "mara.lindqvist@example.com";

    private const string FormPosting = "demo-01";
    private const string FormMailto = "mailto:jobs@" + FormCompanyDomain;

    public static byte[] Resume() => DemoData.Resume();

    public static int PostingCount => DemoData.Postings().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

    public static string PostingsWithFormAt(Uri form)
    {
        var lines = DemoData.Postings().Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(FormPosting + ",", StringComparison.Ordinal));
        // Fails loudly if the demo feed changes under the test rather than silently sending by email.
        Assert.True(index > 0 && lines[index].TrimEnd('\r').EndsWith("," + FormMailto, StringComparison.Ordinal), $"the demo feed has no {FormPosting} applied to at {FormMailto}");
        lines[index] = lines[index].Replace(FormMailto, form.AbsoluteUri, StringComparison.Ordinal);
        return string.Join('\n', lines);
    }
}
