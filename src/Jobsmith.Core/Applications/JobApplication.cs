using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Applications;

/// <summary>
/// One candidate's application to one posting (F1, F6): unique per (candidate, posting), moved only through
/// <see cref="Move"/>, which refuses illegal transitions and writes the log entry in the same unit of work.
/// <see cref="Revision"/> is a concurrency token, so two requests that read the same state cannot both move it.
/// </summary>
public sealed class JobApplication
{
    public const int MaxDetails = 2000;
    private readonly List<ApplicationLogEntry> _log = [];

    private JobApplication() { }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public Guid PostingId { get; private set; }
    public string State { get; private set; } = ApplicationStates.Matched;
    /// <summary>Why the application is where it is, when that needs saying (an escalation, a failure).</summary>
    public string? StateReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Revision { get; private set; }
    /// <summary>The channel chosen when it was queued (F3); null until then.</summary>
    public string? Channel { get; private set; }
    /// <summary>When a queued application is due to be sent: at once when approved, later after a failed try (F8).</summary>
    public DateTime? NextAttemptAt { get; private set; }
    public IReadOnlyList<ApplicationLogEntry> Log => _log;

    public static JobApplication Start(string userId, Guid postingId, ApplicationActor actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(actor);
        var application = new JobApplication
        {
            Id = Guid.CreateVersion7(now), UserId = userId, PostingId = postingId, State = ApplicationStates.Matched,
            CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
        };
        application._log.Add(ApplicationLogEntry.For(application.Id, null, ApplicationStates.Matched, actor, "Matched with the posting.", now));
        return application;
    }

    /// <summary>Moves to <paramref name="to"/> or throws <see cref="IllegalTransitionException"/>; logs who, when and why.</summary>
    public ApplicationLogEntry Move(string to, ApplicationActor actor, string? details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!ApplicationStates.CanMove(State, to)) throw new IllegalTransitionException(State, to);
        var entry = ApplicationLogEntry.For(Id, State, to, actor, details, now, _log.Count > 0 ? _log[^1] : null);
        State = to;
        StateReason = to is ApplicationStates.Escalated or ApplicationStates.Failed or ApplicationStates.RejectedByUser or ApplicationStates.Withdrawn
            ? entry.Details
            : null;
        UpdatedAt = now.UtcDateTime;
        Revision++;
        _log.Add(entry);
        // Queued by any path (a retry by the candidate, a human agent handing it back) means due now unless Queue says later.
        NextAttemptAt = to == ApplicationStates.Queued ? now.UtcDateTime : null;
        return entry;
    }

    /// <summary>Queues it for <paramref name="channel"/>, due at <paramref name="dueAt"/>; the move itself goes through <see cref="Move"/>.</summary>
    public ApplicationLogEntry Queue(string channel, DateTimeOffset dueAt, ApplicationActor actor, string? details, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var entry = Move(ApplicationStates.Queued, actor, details, now);
        Channel = channel;
        NextAttemptAt = dueAt.UtcDateTime;
        return entry;
    }
}

internal sealed class JobApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.State).HasMaxLength(30).IsRequired();
        builder.Property(a => a.StateReason).HasMaxLength(JobApplication.MaxDetails);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.Property(a => a.Channel).HasMaxLength(30);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Jobs.Store.StoredPosting>().WithMany().HasForeignKey(a => a.PostingId).OnDelete(DeleteBehavior.Cascade);
        // F6: one application per candidate and posting, enforced by the database, not by a read before the insert.
        builder.HasIndex(a => new { a.UserId, a.PostingId }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.State, a.UpdatedAt });
        builder.HasIndex(a => a.PostingId);
        // The submission worker's scan: queued applications that are due.
        builder.HasIndex(a => new { a.State, a.NextAttemptAt });
        builder.HasMany(a => a.Log).WithOne().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Log).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_log");
    }
}
