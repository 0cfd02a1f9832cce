using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>
/// One browser that receives a user's push notifications (G3): the push service URL the browser was given and the
/// keys the payload is encrypted to (RFC 8291). An endpoint belongs to one user at a time: a browser is one
/// person's at a time, so whoever subscribes it last gets its notifications.
/// </summary>
public sealed class WebPushSubscription
{
    public const int MaxEndpointLength = 1024;

    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Endpoint { get; set; } = "";
    /// <summary>The browser's P-256 public key, base64url.</summary>
    public string P256dh { get; set; } = "";
    /// <summary>The 16-byte authentication secret, base64url.</summary>
    public string Auth { get; set; } = "";
    public string? UserAgent { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public DateTime? LastFailureAt { get; set; }
    public string? LastFailure { get; set; }
}

internal sealed class WebPushSubscriptionConfiguration : IEntityTypeConfiguration<WebPushSubscription>
{
    public void Configure(EntityTypeBuilder<WebPushSubscription> builder)
    {
        builder.ToTable("push_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserId).IsRequired();
        builder.Property(s => s.Endpoint).HasMaxLength(WebPushSubscription.MaxEndpointLength).IsRequired();
        builder.Property(s => s.P256dh).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Auth).HasMaxLength(50).IsRequired();
        builder.Property(s => s.UserAgent).HasMaxLength(300);
        builder.Property(s => s.LastFailure).HasMaxLength(300);
        builder.HasIndex(s => s.Endpoint).IsUnique();
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
