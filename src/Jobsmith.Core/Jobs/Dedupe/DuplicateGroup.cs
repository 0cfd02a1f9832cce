namespace Jobsmith.Core.Jobs.Dedupe;

public enum DuplicateReason { SameSourceId, SameCanonicalUrl, NearDuplicateText }

/// <summary>Why <see cref="Posting"/> was linked into its group; <see cref="Detail"/> is for people (e.g. "simhash distance 4").</summary>
public sealed record DuplicateLink(JobPosting Posting, DuplicateReason Reason, string Detail);

/// <summary>One job as seen in one or more places. Duplicates are linked to the canonical posting, never dropped.</summary>
public sealed record DuplicateGroup(JobPosting Canonical, IReadOnlyList<DuplicateLink> Duplicates)
{
    public IEnumerable<JobPosting> Members => Duplicates.Select(d => d.Posting).Prepend(Canonical);
}
