using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>One axe-core violation: the rule, its impact, what it asks for, and the first offending nodes.</summary>
internal sealed record AxeViolation(string Id, string? Impact, string Help, int NodeCount, IReadOnlyList<string> Nodes);

/// <summary>
/// Runs axe-core (the copy Deque.AxeCore.Commons ships) inside the page itself and returns only the violations.
/// Deque's Playwright wrapper opens a second page for every run to merge per-frame results — which only pages with
/// cross-origin iframes need, and ours have none — and that extra page was most of the every-page audit's time on
/// two cores; its in-page mode is marked obsolete. This is the same engine, run the plain way axe documents.
/// </summary>
internal static class InPageAxe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("Deque.AxeCore.Commons no longer embeds axe.min.js under the expected name.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    // Every rule, or just the named ones; only violations are collected with their nodes (axe's resultTypes).
    private const string Run = """
        async rules => {
          const options = { resultTypes: ['violations'] };
          if (rules) options.runOnly = { type: 'rule', values: rules };
          const result = await axe.run(document, options);
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
            nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + n.html) })));
        }
        """;

    /// <summary>Violations of every rule (<paramref name="onlyRules"/> null) or of the named rules on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> ViolationsAsync(IPage page, string[]? onlyRules = null)
    {
        // Injected once per document: a navigation starts a new one without axe.
        if (!await page.EvaluateAsync<bool>("typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>(Run, onlyRules);
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").ValueKind == JsonValueKind.String ? v.GetProperty("impact").GetString() : null,
            v.GetProperty("help").GetString()!,
            v.GetProperty("count").GetInt32(),
            [.. v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!)]))];
    }
}
