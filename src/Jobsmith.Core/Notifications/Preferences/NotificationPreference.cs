using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Notifications.Preferences;

/// <summary>
/// A candidate's delivery choices (G3, seed 000's NotificationPreference): a switch per channel and, per notification
/// type, the channels that type may use. A candidate without a row gets <see cref="NotificationTypes.Defaults"/>.
/// In-app delivery is not optional: the notification list is the record of what happened.
/// </summary>
public sealed class NotificationPreference
{
    public string UserId { get; set; } = "";
    public bool EmailEnabled { get; set; } = true;
    public bool SmsEnabled { get; set; }
    public bool PushEnabled { get; set; } = true;
    /// <summary>JSON object: type → { "email": bool, "sms": bool, "push": bool }; a type not listed takes its default.</summary>
    public string TypesJson { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.TypesJson).IsRequired();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
