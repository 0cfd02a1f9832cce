using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Applications;

/// <summary>One move of an application (F1, F7): from where to where, by whom, when and why. Never edited.</summary>
public sealed class ApplicationLogEntry
{
    private ApplicationLogEntry() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>Null for the entry that created the application.</summary>
    public string? FromState { get; private set; }
    public string ToState { get; private set; } = "";
    public string ActorKind { get; private set; } = "";
    public string? ActorId { get; private set; }
    public string? Details { get; private set; }
    public DateTime At { get; private set; }

    /// <param name="after">The entry this one follows in the same unit of work, if any.</param>
    internal static ApplicationLogEntry For(Guid applicationId, string? from, string to, ApplicationActor actor, string? details, DateTimeOffset now,
        ApplicationLogEntry? after = null) => new()
    {
        Id = IdAfter(after, now), ApplicationId = applicationId, FromState = from, ToState = to,
        ActorKind = actor.Kind, ActorId = actor.Id,
        Details = TextTruncation.Truncate(details?.Trim() is { Length: > 0 } text ? text : null, JobApplication.MaxDetails),
        At = now.UtcDateTime,
    };

    // The history is read in (At, Id) order. Moves made together (approved, then queued) share a timestamp, and a
    // version 7 id is random within its millisecond, so without this the history could list "queued" before "approved".
    private static Guid IdAfter(ApplicationLogEntry? after, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        while (after is not null && after.At == now.UtcDateTime && id.CompareTo(after.Id) <= 0) id = Guid.CreateVersion7(now);
        return id;
    }
}

internal sealed class ApplicationLogEntryConfiguration : IEntityTypeConfiguration<ApplicationLogEntry>
{
    public void Configure(EntityTypeBuilder<ApplicationLogEntry> builder)
    {
        builder.ToTable("application_log");
        builder.HasKey(l => l.Id);
        // Ids are made in code; without this EF would take an entry added to a loaded application's log for an
        // existing row (its key is set) and update instead of insert.
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.FromState).HasMaxLength(30);
        builder.Property(l => l.ToState).HasMaxLength(30).IsRequired();
        builder.Property(l => l.ActorKind).HasMaxLength(20).IsRequired();
        builder.Property(l => l.ActorId).HasMaxLength(450);
        builder.Property(l => l.Details).HasMaxLength(JobApplication.MaxDetails);
        builder.HasIndex(l => new { l.ApplicationId, l.At });
    }
}
