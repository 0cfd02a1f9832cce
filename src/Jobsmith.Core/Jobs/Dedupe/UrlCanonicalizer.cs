namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>
/// One spelling per job URL, so the same posting reached through different links compares equal:
/// lower-case host without "www.", https, default port dropped, no trailing slash, a trailing "/apply" or
/// "/application" step dropped, tracking parameters removed and the rest sorted, and the fragment kept only
/// when it can name a job.
/// </summary>
public static class UrlCanonicalizer
{
    /// <summary>
    /// Parameters that say how a visitor arrived, never which job the page shows. Besides <c>utm_*</c>:
    /// ad click ids (gclid, fbclid, msclkid, dclid, yclid), Google Analytics linkers (_ga, _gl), Mailchimp and
    /// HubSpot mail tracking (mc_cid, mc_eid, _hsenc, _hsmi, hsCtaTracking), Instagram's igshid; generic
    /// referral tags (ref, referer, referrer, refid, src, source, trk, trackingid, cmp, campaign); LinkedIn's
    /// lipi, trk, refId, trackingId and originalSubdomain; the job boards' own source tags — Greenhouse
    /// gh_src, Lever lever-source / lever-origin / lever-via, SmartRecruiters trid — which boards append to
    /// the same job page for each place it was shared. Job-identifying
    /// parameters (gh_jid, token, jobId, jk, ashby_jid…) are not in the list and so always stay.
    /// </summary>
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "gclid", "fbclid", "msclkid", "dclid", "yclid", "_ga", "_gl", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "hsctatracking", "igshid",
        "ref", "referer", "referrer", "refid", "src", "source", "trk", "trackingid", "cmp", "campaign",
        "lipi", "originalsubdomain", "gh_src", "lever-source", "lever-origin", "lever-via", "trid",
    };

    // An "apply" step of a job page is the same posting as the page itself (Ashby ".../{id}/application",
    // Lever ".../{id}/apply"); listing feeds carry either link.
    private static readonly HashSet<string> ApplySteps = new(StringComparer.OrdinalIgnoreCase) { "apply", "application" };

    public static Uri Canonicalize(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")) return url;
        var host = url.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var path = WithoutApplyStep(url.AbsolutePath.TrimEnd('/'));
        var query = string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=')[0]))
            .Order(StringComparer.Ordinal));
        var fragment = JobFragment(url.Fragment);
        var port = url.IsDefaultPort || (url.Scheme == "http" && url.Port == 80) ? "" : $":{url.Port}";
        return new Uri($"https://{host}{port}{path}{(query.Length > 0 ? "?" + query : "")}{(fragment is null ? "" : "#" + fragment)}");
    }

    private static string WithoutApplyStep(string path)
    {
        var slash = path.LastIndexOf('/');
        // Only below a job page ("/acme/123/apply"): a bare "/apply" is a site's one application form, not a step of a page.
        if (slash <= 0 || !ApplySteps.Contains(path[(slash + 1)..])) return path;
        return path[..slash];
    }

    /// <summary>
    /// The fragment when it can identify a job, else null. Single-page career sites route by fragment
    /// ("#/job/123", "#!/jobs/abc", "#job=42"), so two such links are different jobs; an in-page anchor made of
    /// letters only ("#apply", "#job-description") and a text directive ("#:~:text=…") only scroll the same page.
    /// </summary>
    private static string? JobFragment(string fragment)
    {
        var value = fragment.TrimStart('#');
        if (value.Length == 0 || value.StartsWith(":~:", StringComparison.Ordinal)) return null;
        var isAnchor = value.All(c => char.IsLetter(c) || c is '-' or '_');
        return isAnchor ? null : value;
    }

    private static bool IsTracking(string name)
    {
        var decoded = Uri.UnescapeDataString(name);
        // Lever sends "lever-source[]=…" as an array parameter.
        if (decoded.EndsWith("[]", StringComparison.Ordinal)) decoded = decoded[..^2];
        return decoded.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(decoded);
    }
}
