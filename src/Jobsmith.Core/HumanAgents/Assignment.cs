using Jobsmith.Core.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.HumanAgents;

public static class AssignmentStatus
{
    /// <summary>Given to an agent, who has not taken it on yet.</summary>
    public const string Assigned = "assigned";
    /// <summary>The agent is working on it; only now may they open the candidate's material.</summary>
    public const string Claimed = "claimed";
    public const string Completed = "completed";
    public const string Returned = "returned";

    public static bool IsOpen(string status) => status is Assigned or Claimed;
}

/// <summary>Where a returned assignment goes: queued for another automatic try, or back to the candidate.</summary>
public static class ReturnTargets
{
    public const string Retry = "retry";
    public const string Candidate = "candidate";
}

/// <summary>
/// F5: one escalated application handed to one human agent. At most one open (assigned or claimed) assignment per
/// application, enforced by a filtered unique index, so two escalation events racing cannot hand it out twice.
/// <see cref="Revision"/> is a concurrency token: of two claims, completions or reassignments at once, one wins.
/// </summary>
public sealed class Assignment
{
    public const int MaxNotes = JobApplication.MaxDetails;

    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string AgentUserId { get; set; } = "";
    /// <summary>The candidate whose application it is (kept here so the agent's queries never need the candidate's rows).</summary>
    public string CandidateUserId { get; set; } = "";
    /// <summary>One of <see cref="ExpertiseTags"/>: what the agent is asked to handle.</summary>
    public string Reason { get; set; } = "";
    public string? ReasonText { get; set; }
    public string Status { get; set; } = AssignmentStatus.Assigned;
    /// <summary>"router" or the admin who assigned it by hand.</summary>
    public string AssignedBy { get; set; } = "";
    /// <summary>The page screenshot the channel took when it stopped, relative to the data folder.</summary>
    public string? ScreenshotPath { get; set; }
    public string? Notes { get; set; }
    /// <summary>For a completion: "sent" or "not_sent"; for a return: one of <see cref="ReturnTargets"/>.</summary>
    public string? Outcome { get; set; }
    public string? ProofPath { get; set; }
    public string? ProofFileName { get; set; }
    public string? ProofSha256 { get; set; }
    public DateTime AssignedAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Revision { get; set; }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    /// <summary>The same SQL on SQLite and PostgreSQL: quoted column, string literals.</summary>
    public const string OpenFilter = "\"Status\" IN ('assigned', 'claimed')";

    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("human_agent_assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Reason).HasMaxLength(ExpertiseTags.MaxTagLength).IsRequired();
        builder.Property(a => a.ReasonText).HasMaxLength(JobApplication.MaxDetails);
        builder.Property(a => a.Status).HasMaxLength(20).IsRequired();
        builder.Property(a => a.AssignedBy).HasMaxLength(450).IsRequired();
        builder.Property(a => a.ScreenshotPath).HasMaxLength(500);
        builder.Property(a => a.Notes).HasMaxLength(Assignment.MaxNotes);
        builder.Property(a => a.Outcome).HasMaxLength(20);
        builder.Property(a => a.ProofPath).HasMaxLength(500);
        builder.Property(a => a.ProofFileName).HasMaxLength(255);
        builder.Property(a => a.ProofSha256).HasMaxLength(64);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasOne<JobApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(a => a.AgentUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(a => a.CandidateUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ApplicationId).IsUnique().HasFilter(OpenFilter).HasDatabaseName("IX_human_agent_assignments_open_application");
        builder.HasIndex(a => new { a.AgentUserId, a.Status, a.AssignedAt });
        builder.HasIndex(a => new { a.Status, a.AssignedAt });
        builder.HasIndex(a => a.CandidateUserId);
    }
}
