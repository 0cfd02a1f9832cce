using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Interviews;

/// <summary>
/// An interview for one of the candidate's applications (G5). The instant is kept in UTC with the IANA time zone it was
/// given in, so the calendar file and the page show the employer's wall-clock time while reminders fire on the instant.
/// Each reminder remembers when it went out; moving the interview clears them so the new time is reminded again.
/// </summary>
public sealed class Interview
{
    public const int MaxLocation = 500;
    public const int MaxUrl = 2000;
    public const int MaxNotes = 2000;

    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid ApplicationId { get; set; }
    public DateTime StartsAt { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public int DurationMinutes { get; set; } = 60;
    public string? Location { get; set; }
    public string? MeetingUrl { get; set; }
    public string? Notes { get; set; }
    /// <summary><see cref="InterviewSources"/>: typed by the candidate or read from the invitation email.</summary>
    public string Source { get; set; } = InterviewSources.Manual;
    public string Status { get; set; } = InterviewStatuses.Scheduled;
    /// <summary>Bumped on every change: the concurrency token and the calendar file's SEQUENCE, so calendars take the update.</summary>
    public int Revision { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DayBeforeSentAt { get; set; }
    public DateTime? HourBeforeSentAt { get; set; }
}

public static class InterviewSources
{
    public const string Manual = "manual";
    public const string Email = "email";
    public static bool IsKnown(string? source) => source is Manual or Email;
}

public static class InterviewStatuses
{
    public const string Scheduled = "scheduled";
    public const string Cancelled = "cancelled";
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> builder)
    {
        builder.ToTable("interviews");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.UserId).IsRequired();
        builder.Property(i => i.TimeZone).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Location).HasMaxLength(Interview.MaxLocation);
        builder.Property(i => i.MeetingUrl).HasMaxLength(Interview.MaxUrl);
        builder.Property(i => i.Notes).HasMaxLength(Interview.MaxNotes);
        builder.Property(i => i.Source).HasMaxLength(20).IsRequired();
        builder.Property(i => i.Status).HasMaxLength(20).IsRequired();
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Applications.JobApplication>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.UserId, i.StartsAt });
        builder.HasIndex(i => i.ApplicationId);
        // The reminder sweep: scheduled interviews starting soon.
        builder.HasIndex(i => new { i.Status, i.StartsAt });
    }
}
