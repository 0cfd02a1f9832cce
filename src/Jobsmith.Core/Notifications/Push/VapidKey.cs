using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>
/// The install's one VAPID key pair (RFC 8292), made on first start and shared by every node: browsers bind a
/// subscription to the public key, so a second pair would silently break every subscription made with the first.
/// The fixed key is what makes two nodes racing at first start end with one row.
/// </summary>
public sealed class VapidKey
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    /// <summary>The uncompressed P-256 point, base64url: what browsers get as applicationServerKey.</summary>
    public string PublicKey { get; set; } = "";
    /// <summary>The private scalar, data-protected; never logged, never returned.</summary>
    public string ProtectedPrivateKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class VapidKeyConfiguration : IEntityTypeConfiguration<VapidKey>
{
    public void Configure(EntityTypeBuilder<VapidKey> builder)
    {
        builder.ToTable("push_vapid_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.PublicKey).HasMaxLength(100).IsRequired();
        builder.Property(k => k.ProtectedPrivateKey).IsRequired();
    }
}
