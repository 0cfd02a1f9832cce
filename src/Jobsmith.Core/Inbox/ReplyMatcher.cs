using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Inbox;

/// <summary>The application an email answers, and how that was decided; no application when nothing is clear.</summary>
public sealed record ReplyMatch(Guid? ApplicationId, string? Method)
{
    public static readonly ReplyMatch None = new(null, null);
}

/// <summary>
/// Ties an inbound email to one of the candidate's applications (G2). First the thread: In-Reply-To and References
/// against the Message-IDs of the applications Jobsmith emailed, and of replies already kept. Then evidence: the
/// sender's domain is the company's (3), the company is named (2), the job title is named (2). The best application
/// wins only with at least 2 points and no tie, so a vague email stays unmatched rather than moving the wrong one.
/// Only the candidate's own applications that were sent (or handed to a person to send) are considered.
/// </summary>
public sealed class ReplyMatcher(AppDbContext db)
{
    private const int Enough = 2;

    private static readonly string[] NeverSent =
        [ApplicationStates.Matched, ApplicationStates.Drafted, ApplicationStates.AwaitingApproval, ApplicationStates.Approved, ApplicationStates.RejectedByUser];

    public async Task<ReplyMatch> MatchAsync(string userId, ParsedEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var threadIds = email.ThreadIds.Distinct(StringComparer.Ordinal).Take(50).ToList();
        var sent = threadIds.Select(id => SentMessageIds.TryApplicationId(id, out var app) ? app : (Guid?)null).OfType<Guid>().ToList();
        if (sent.Count > 0)
        {
            var own = await db.Set<JobApplication>().AsNoTracking().Where(a => a.UserId == userId && sent.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
            if (own.Count > 0) return new(sent.First(own.Contains), MatchMethods.Thread);
        }
        if (threadIds.Count > 0)
        {
            var earlier = await db.Set<InboundEmail>().AsNoTracking()
                .Where(e => e.UserId == userId && e.ApplicationId != null && threadIds.Contains(e.MessageId))
                .Select(e => e.ApplicationId).FirstOrDefaultAsync(cancellationToken);
            if (earlier is { } threaded) return new(threaded, MatchMethods.Thread);
        }

        var candidates = await (
            from a in db.Set<JobApplication>().AsNoTracking()
            where a.UserId == userId && !NeverSent.Contains(a.State)
            join p in db.Set<StoredPosting>().AsNoTracking() on a.PostingId equals p.Id
            select new { a.Id, p.Title, p.Company, p.ApplyUrl }).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return ReplyMatch.None;

        var haystack = " " + Words(email.FromName + " " + email.Subject + " " + ReplyText.Fresh(email.Text)) + " ";
        var scored = candidates.Select(c =>
        {
            var domain = CompanyNames.DomainMatches(email.FromDomain, c.Company) || ApplyDomainMatches(email.FromDomain, c.ApplyUrl);
            var score = (domain ? 3 : 0) + (Named(haystack, c.Company) ? 2 : 0) + (Named(haystack, c.Title) ? 2 : 0);
            return (c.Id, Score: score, Domain: domain);
        }).OrderByDescending(s => s.Score).ToList();
        var best = scored[0];
        if (best.Score < Enough || (scored.Count > 1 && scored[1].Score == best.Score)) return ReplyMatch.None;
        return new(best.Id, best.Domain ? MatchMethods.Domain : MatchMethods.Title);
    }

    // An application sent to jobs@company.example is answered from that domain even when the company's name differs.
    private static bool ApplyDomainMatches(string fromDomain, string? applyUrl)
    {
        if (string.IsNullOrEmpty(fromDomain) || applyUrl is null || !applyUrl.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return false;
        var at = applyUrl.LastIndexOf('@');
        if (at < 0) return false;
        var domain = applyUrl[(at + 1)..].Split('?')[0];
        return CompanyNames.OfDomain(domain) is { } name && name == CompanyNames.OfDomain(fromDomain);
    }

    private static bool Named(string haystack, string name)
    {
        var words = Words(name);
        return words.Length >= 3 && haystack.Contains(" " + words + " ", StringComparison.Ordinal);
    }

    private static string Words(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
