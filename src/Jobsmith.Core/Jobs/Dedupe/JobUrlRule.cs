using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>What the job-URL rule compares of a posting: its employer key, title words and place words.</summary>
public sealed record UrlListing(string Company, HashSet<string> Title, HashSet<string> Places)
{
    public static UrlListing Of(string company, string title, IEnumerable<string> locations) =>
        new(CompanyNames.Key(company), TitleKey.Of(title), LocationKey.Of(locations));

    public static UrlListing Of(JobPosting posting) => Of(posting.Company, posting.Title, posting.Locations);
}

/// <summary>
/// When two postings at one canonical URL are one posting. Listing feeds often carry a job twice with the same
/// link and title and no description, so a shared job URL plus the same employer is enough — text is not
/// needed. But many feeds point every row at one careers page, a board's root, or Greenhouse's
/// "embed/job_app" without its token; such a generic page says nothing about which job a row is, so there
/// only the same title (and a shared place, as for near-duplicates) makes two rows one posting.
/// Used alike within a batch (<see cref="DuplicateDetector"/>) and against stored postings (JobIngestionStore).
/// </summary>
public static class JobUrlRule
{
    /// <summary>
    /// Titles at a job-specific URL that still count as the same posting: employers retitle a live posting
    /// ("Backend Engineer" → "Senior Backend Engineer") and feeds shorten titles, so half the words shared
    /// (Jaccard over title words, abbreviations expanded) or one title's words all in the other suffices.
    /// Below that ("Backend Engineer" / "Frontend Engineer" share 1 of 3) the rows are different jobs, and a
    /// URL carrying such titles is a shared page.
    /// </summary>
    public const double MinRetitleSimilarity = 0.5;

    // Query parameters that name one job on a page that would otherwise be a listing: Greenhouse's gh_jid on
    // an employer's careers page and token on its embed, Ashby's ashby_jid, Indeed's jk/vjk, LinkedIn's
    // currentJobId, and the common jobId/job_id/reqId spellings of career sites.
    private static readonly HashSet<string> JobParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "gh_jid", "token", "ashby_jid", "jk", "vjk", "currentjobid", "jobid", "job_id", "job", "jid", "id", "postingid", "posting_id",
        "reqid", "req_id", "requisitionid", "jobreqid", "positionid", "position_id", "vacancyid", "vacancy_id",
    };

    // Boards whose first path segment is the employer: a URL with nothing after it is the employer's board.
    private static readonly HashSet<string> BoardHosts = new(StringComparer.Ordinal)
    {
        "jobs.ashbyhq.com", "jobs.lever.co", "jobs.eu.lever.co", "boards.greenhouse.io", "job-boards.greenhouse.io",
        "boards.eu.greenhouse.io", "job-boards.eu.greenhouse.io", "apply.workable.com", "jobs.smartrecruiters.com",
    };

    // Last path segments of careers landing pages ("/careers", "/about/jobs", "/join-us").
    private static readonly HashSet<string> LandingSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "careers", "career", "jobs", "job", "openings", "open-positions", "open-roles", "positions", "roles", "vacancies",
        "join", "join-us", "joinus", "work-with-us", "opportunities", "hiring", "apply", "job_app", "job_board", "embed",
    };

    /// <summary>
    /// Whether the URL's shape alone marks it as a page shared by many jobs: a site root, a board's root, a
    /// careers landing page, or Greenhouse's embed/job_app or job_board without a token. A job parameter or a
    /// job fragment (kept by <see cref="UrlCanonicalizer"/> only when it can name a job) makes it specific,
    /// so "/careers?gh_jid=123" and "/careers#/job/123" are one job's page each.
    /// </summary>
    public static bool IsGenericShape(Uri canonical)
    {
        if (!canonical.IsAbsoluteUri) return false;
        if (canonical.Fragment.Length > 1) return false;
        var parameters = canonical.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Uri.UnescapeDataString(p.Split('=')[0]));
        if (parameters.Any(JobParameters.Contains)) return false;
        var segments = canonical.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return true;
        if (segments.Length == 1 && BoardHosts.Contains(canonical.Host)) return true;
        return LandingSegments.Contains(Uri.UnescapeDataString(segments[^1]));
    }

    /// <summary>
    /// A URL is treated as generic when its shape says so, or when the postings seen at it carry titles that
    /// cannot be one job (the batch's own evidence: a careers page like "acme.example/work" is known by
    /// no path shape, but it is the only link of ten different roles).
    /// </summary>
    public static bool IsGeneric(Uri canonical, IEnumerable<UrlListing> listingsAtUrl) =>
        IsGenericShape(canonical) || CarriesDifferentTitles(listingsAtUrl.Select(l => l.Title));

    public static bool CarriesDifferentTitles(IEnumerable<HashSet<string>> titles)
    {
        var distinct = titles.DistinctBy(t => string.Join(' ', t.Order(StringComparer.Ordinal)), StringComparer.Ordinal).ToList();
        for (var a = 0; a < distinct.Count; a++)
            for (var b = a + 1; b < distinct.Count; b++)
                if (!CompatibleTitles(distinct[a], distinct[b])) return true;
        return false;
    }

    /// <summary>
    /// The rule itself: same employer always; at a job-specific URL compatible titles, at a generic page the
    /// same title words and a shared place (two "Account Executive" rows for Denver and Toronto, or for
    /// "Remote" and "NYC", on one careers page are two openings).
    /// </summary>
    public static bool SameJob(UrlListing a, UrlListing b, bool genericPage)
    {
        if (!string.Equals(a.Company, b.Company, StringComparison.Ordinal)) return false;
        if (!genericPage) return CompatibleTitles(a.Title, b.Title);
        // On a shared page title and place are all that tell two rows apart, so a place missing on one side (or a
        // bare "Remote") is not taken as agreement with a named place, as it is for near-duplicate texts.
        return a.Title.Count > 0 && a.Title.SetEquals(b.Title) && (a.Places.Count == 0 ? b.Places.Count == 0 : a.Places.Overlaps(b.Places));
    }

    public static bool CompatibleTitles(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return a.Count == b.Count;
        return a.IsSubsetOf(b) || b.IsSubsetOf(a) || TitleKey.Similarity(a, b) >= MinRetitleSimilarity;
    }
}
