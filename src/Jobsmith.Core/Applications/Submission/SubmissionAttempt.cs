using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Applications.Submission;

public static class AttemptOutcomes
{
    public const string Sent = "sent";
    public const string NotSent = "not_sent";
    public const string Unknown = "unknown";
    public const string Escalated = "escalated";
    public const string DryRun = "dry_run";
    /// <summary>Stopped before any channel ran: the plan's quota, a site's daily cap or pacing, a missing document.</summary>
    public const string Held = "held";
}

/// <summary>
/// F7: one try at sending an application — which channel, to which site, with which file versions (ids, versions and
/// hashes), which answers, and what came back. Written when the try ends; its proof files hang off it.
/// </summary>
public sealed class SubmissionAttempt
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string UserId { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>The host the application went to (for per-site caps and pacing), or the email domain.</summary>
    public string? TargetHost { get; set; }
    public string Outcome { get; set; } = "";
    public string Details { get; set; } = "";
    public string? Escalation { get; set; }
    public string? Confirmation { get; set; }
    /// <summary>[{kind, documentId, version, fileName, sha256, bytes}] of every file the channel was given.</summary>
    public string FilesJson { get; set; } = "[]";
    /// <summary>The questions the channel answered, as it reported them.</summary>
    public string FilledJson { get; set; } = "[]";
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
}

/// <summary>A proof file of an attempt (a screenshot, the sent message), stored under the data folder by hash.</summary>
public sealed class SubmissionProof
{
    public Guid Id { get; set; }
    public Guid AttemptId { get; set; }
    public Guid ApplicationId { get; set; }
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Relative to the proof folder; never taken from input.</summary>
    public string StoredPath { get; set; } = "";
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class SubmissionAttemptConfiguration : IEntityTypeConfiguration<SubmissionAttempt>
{
    public void Configure(EntityTypeBuilder<SubmissionAttempt> builder)
    {
        builder.ToTable("submission_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Channel).HasMaxLength(30).IsRequired();
        builder.Property(a => a.TargetHost).HasMaxLength(255);
        builder.Property(a => a.Outcome).HasMaxLength(20).IsRequired();
        builder.Property(a => a.Details).HasMaxLength(JobApplication.MaxDetails).IsRequired();
        builder.Property(a => a.Escalation).HasMaxLength(30);
        builder.Property(a => a.Confirmation).HasMaxLength(JobApplication.MaxDetails);
        builder.HasOne<JobApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ApplicationId, a.StartedAt });
        // Per-site caps and pacing count a candidate's recent sends to one host.
        builder.HasIndex(a => new { a.UserId, a.TargetHost, a.FinishedAt });
    }
}

internal sealed class SubmissionProofConfiguration : IEntityTypeConfiguration<SubmissionProof>
{
    public void Configure(EntityTypeBuilder<SubmissionProof> builder)
    {
        builder.ToTable("submission_proofs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasMaxLength(30).IsRequired();
        builder.Property(p => p.FileName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(p => p.StoredPath).HasMaxLength(400).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(JobApplication.MaxDetails);
        builder.HasOne<SubmissionAttempt>().WithMany().HasForeignKey(p => p.AttemptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.AttemptId);
        builder.HasIndex(p => p.ApplicationId);
    }
}
