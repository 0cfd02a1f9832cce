namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>
/// One spelling per job URL: lower-case host without "www.", https, no fragment, no trailing slash,
/// tracking parameters removed and the rest sorted, so syndicated links to one posting compare equal.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "gclid", "fbclid", "msclkid", "dclid", "yclid", "mc_cid", "mc_eid", "ref", "referer", "referrer", "src", "source",
        "trk", "trackingid", "refid", "_hsenc", "_hsmi", "hsctatracking", "igshid", "lipi", "originalsubdomain", "cmp", "campaign",
    };

    public static Uri Canonicalize(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")) return url;
        var host = url.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var path = url.AbsolutePath.TrimEnd('/');
        var query = string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=')[0]))
            .Order(StringComparer.Ordinal));
        var port = url.IsDefaultPort || (url.Scheme == "http" && url.Port == 80) ? "" : $":{url.Port}";
        return new Uri($"https://{host}{port}{path}{(query.Length > 0 ? "?" + query : "")}");
    }

    private static bool IsTracking(string name)
    {
        var decoded = Uri.UnescapeDataString(name);
        return decoded.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(decoded);
    }
}
