using System.Security.Cryptography;
using System.Text;
using Jobsmith.Core.Jobs.Dedupe;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>Turns a <see cref="PostingDraft"/> into a <see cref="JobPosting"/>; a draft without a title is rejected.</summary>
public static class JobPostingNormalizer
{
    private const int MaxTitleLength = 300;

    public static JobPosting Normalize(PostingDraft draft)
    {
        var rawTitle = draft.Title ?? string.Empty;
        var title = rawTitle.Contains('<', StringComparison.Ordinal) ? HtmlText.ToLine(rawTitle) : TextBlocks.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(rawTitle));
        if (title.Length == 0) throw new PostingFormatException("posting has no title");
        title = title.Truncate(MaxTitleLength);

        var description = !string.IsNullOrWhiteSpace(draft.DescriptionPlain)
            ? TextBlocks.FromPlain(draft.DescriptionPlain)
            : new PostingDescription(HtmlText.ToBlocks(draft.DescriptionHtml));
        var locations = draft.Locations.Select(TextBlocks.CollapseWhitespace).Where(l => l.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var url = SafeUri(draft.Url);
        var applyUrl = SafeUri(draft.ApplyUrl) ?? url;
        var requirements = draft.Requirements.Count > 0 ? draft.Requirements : Requirements.Extract(description.Text, description.Layout);

        return new JobPosting
        {
            SourceKind = draft.SourceKind,
            ExternalId = ExternalIdOf(draft, url, title),
            Title = title,
            Company = TextBlocks.CollapseWhitespace(draft.Company ?? string.Empty),
            Locations = locations,
            Remote = RemoteTypes.Decide(draft.Workplace, draft.RemoteFlag, title, locations),
            Employment = EmploymentTypes.Parse(draft.EmploymentType),
            Seniority = Seniorities.Decide(title, draft.ExperienceLevel),
            Salary = draft.Salary ?? SalaryParser.FromText(draft.SalaryText),
            Description = description,
            Requirements = requirements,
            PostedAt = draft.PostedAt,
            ExpiresAt = draft.ExpiresAt,
            ApplyUrl = applyUrl,
            CanonicalUrl = url is null ? null : UrlCanonicalizer.Canonicalize(url),
            Application = ApplicationRoutes.Decide(applyUrl, draft.ApplyEmail, draft.QuestionNames, description.Text, draft.EasyApply),
            Raw = draft.Raw,
        };
    }

    /// <summary>Only http(s) and mailto links survive; "javascript:" and relative junk from posting text are dropped.</summary>
    public static Uri? SafeUri(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)) return null;
        return uri.Scheme is "http" or "https" or "mailto" ? uri : null;
    }

    // Files without ids (CSV, pasted text) still need a stable key: the URL with employer, title and places, else a
    // hash of who and what. Employer, title and places are part of it because listing feeds point many rows at one
    // careers or aggregator page; keyed by URL alone those different jobs would share a key and overwrite each
    // other in the store. (Rows keyed by URL alone before get new keys once; the job-URL rule links each to its older row.)
    private static string ExternalIdOf(PostingDraft draft, Uri? url, string title)
    {
        if (!string.IsNullOrWhiteSpace(draft.ExternalId)) return draft.ExternalId.Trim();
        var basis = url is not null
            ? $"{UrlCanonicalizer.Canonicalize(url).AbsoluteUri}\n{CompanyNames.Key(draft.Company)}\n{title.ToLowerInvariant()}\n{string.Join(';', draft.Locations).ToLowerInvariant()}"
            : $"{draft.Company}\n{title}\n{draft.DescriptionPlain ?? draft.DescriptionHtml}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(basis));
        return "h:" + Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }
}
