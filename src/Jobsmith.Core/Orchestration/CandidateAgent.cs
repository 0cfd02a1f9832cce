using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Orchestration;

/// <summary>Where a candidate's job-search agent is (K3).</summary>
public static class CandidateAgentStates
{
    /// <summary>Reacts to new postings, a new resume and feedback: matches, then drafts the best new matches for approval.</summary>
    public const string Running = "running";

    /// <summary>Holds still for now; on resuming it catches up with one match pass.</summary>
    public const string Paused = "paused";

    /// <summary>Off (where every candidate starts): nothing is matched or drafted on their behalf.</summary>
    public const string Stopped = "stopped";
}

/// <summary>
/// A candidate's own job-search agent (K3): whether it runs, and how far it may go by itself — drafts only for matches
/// scoring at least <see cref="MinScore"/>, at most <see cref="DraftsPerDay"/> a day (UTC). It never approves or
/// sends: drafts wait in the approval queue (or for the candidate's own auto-apply rule).
/// </summary>
public sealed class CandidateAgent
{
    public const int DefaultMinScore = 60;
    public const int DefaultDraftsPerDay = 5;
    public const int MaxDraftsPerDay = 25;

    public string UserId { get; set; } = "";
    public string State { get; set; } = CandidateAgentStates.Stopped;
    public int MinScore { get; set; } = DefaultMinScore;
    public int DraftsPerDay { get; set; } = DefaultDraftsPerDay;
    public DateTime ChangedAt { get; set; }
    /// <summary>Bumped on every change, so two changes at once (a double-click, two tabs) apply one after the other.</summary>
    public int Revision { get; set; }
}

internal sealed class CandidateAgentConfiguration : IEntityTypeConfiguration<CandidateAgent>
{
    public void Configure(EntityTypeBuilder<CandidateAgent> builder)
    {
        builder.ToTable("candidate_agents");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.State).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Revision).IsConcurrencyToken();
        // The matcher's "who is running" read on every batch of new postings.
        builder.HasIndex(a => a.State);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
