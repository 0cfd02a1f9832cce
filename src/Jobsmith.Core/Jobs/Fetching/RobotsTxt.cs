using System.Text.RegularExpressions;

namespace Jobsmith.Core.Jobs.Fetching;

/// <summary>
/// The rules of one robots.txt for our user agent (RFC 9309): the most specific matching group,
/// then the longest matching Allow/Disallow path, Allow winning ties. '*' and '$' wildcards are supported.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Path, bool Allow)> _rules;

    private RobotsTxt(List<(string Path, bool Allow)> rules) => _rules = rules;

    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>What an unreachable robots.txt means (RFC 9309 §2.3.1.4): nothing may be crawled.</summary>
    public static RobotsTxt DisallowAll { get; } = new([("/", false)]);

    public static RobotsTxt Parse(string content, string userAgentToken)
    {
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules)>();
        (List<string> Agents, List<(string, bool)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null || key is not ("allow" or "disallow")) continue;
            if (value.Length == 0) continue; // "Disallow:" with no path allows everything
            current.Value.Rules.Add((value, key == "allow"));
        }
        var token = userAgentToken.ToLowerInvariant();
        var chosen = groups.Where(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal))).ToList();
        if (chosen.Count == 0) chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsTxt(chosen.SelectMany(g => g.Rules).ToList());
    }

    public bool IsAllowed(string pathAndQuery)
    {
        var best = -1;
        var allowed = true;
        foreach (var (path, allow) in _rules)
        {
            if (!Matches(path, pathAndQuery)) continue;
            if (path.Length > best || (path.Length == best && allow))
            {
                best = path.Length;
                allowed = allow;
            }
        }
        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = Regex.Escape(anchored ? pattern[..^1] : pattern).Replace(@"\*", ".*", StringComparison.Ordinal);
        return Regex.IsMatch(path, "^" + body + (anchored ? "$" : ""), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }
}
