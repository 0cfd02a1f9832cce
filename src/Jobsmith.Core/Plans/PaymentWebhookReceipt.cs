using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Plans;

/// <summary>
/// A payment event already applied. Providers deliver at least once (and an attacker may replay a captured
/// delivery inside the signature's time window): the key (provider, event id) makes the second delivery a no-op.
/// </summary>
public sealed class PaymentWebhookReceipt
{
    public string Provider { get; set; } = "";
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Outcome { get; set; }
    public DateTime ReceivedAt { get; set; }
}

internal sealed class PaymentWebhookReceiptConfiguration : IEntityTypeConfiguration<PaymentWebhookReceipt>
{
    public void Configure(EntityTypeBuilder<PaymentWebhookReceipt> builder)
    {
        builder.ToTable("payment_webhook_events");
        builder.HasKey(r => new { r.Provider, r.EventId });
        builder.Property(r => r.Provider).HasMaxLength(20);
        builder.Property(r => r.EventId).HasMaxLength(200);
        builder.Property(r => r.Type).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Outcome).HasMaxLength(500);
        builder.HasIndex(r => r.ReceivedAt);
    }
}
