using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Plans;

public static class SubscriptionStatuses
{
    public const string Active = "active";
    /// <summary>The provider could not take the last payment; the plan holds while it retries.</summary>
    public const string PastDue = "past_due";
}

/// <summary>
/// A candidate's paid plan. No row means the default plan; a paid plan that ends (cancelled at period end, or ended
/// by the provider) goes back to the default plan rather than leaving a dead row behind.
/// </summary>
public sealed class Subscription
{
    public const int MaxProviderId = 200;

    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string PlanId { get; set; } = "";
    public string Status { get; set; } = SubscriptionStatuses.Active;
    /// <summary>"stripe" or "local"; null on the default plan.</summary>
    public string? Provider { get; set; }
    public string? ProviderCustomerId { get; set; }
    public string? ProviderSubscriptionId { get; set; }
    public DateTime? CurrentPeriodStart { get; set; }
    public DateTime? CurrentPeriodEnd { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    /// <summary>The period end the expiry notice was sent for, so each period gets one.</summary>
    public DateTime? ExpiryNoticeFor { get; set; }
    /// <summary>When the newest provider event applied here was created; older events arriving late are ignored.</summary>
    public DateTime? ProviderEventAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserId).IsRequired();
        builder.Property(s => s.PlanId).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(20).IsRequired();
        builder.Property(s => s.Provider).HasMaxLength(20);
        builder.Property(s => s.ProviderCustomerId).HasMaxLength(Subscription.MaxProviderId);
        builder.Property(s => s.ProviderSubscriptionId).HasMaxLength(Subscription.MaxProviderId);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasIndex(s => s.ProviderSubscriptionId);
        builder.HasIndex(s => s.CurrentPeriodEnd);
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
