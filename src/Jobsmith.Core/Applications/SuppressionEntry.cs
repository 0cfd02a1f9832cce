using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobsmith.Core.Applications;

public static class SuppressionKinds
{
    public const string Company = "company";
    public const string Domain = "domain";
    public const string Email = "email";
    public static readonly IReadOnlyList<string> All = [Company, Domain, Email];
}

/// <summary>F6: a company, web/email domain or address a candidate never wants contacted; checked before every send.</summary>
public sealed class SuppressionEntry
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>Stored normalised (trimmed, lower case; a domain without "www.") so the check is an equality.</summary>
    public string Value { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class SuppressionEntryConfiguration : IEntityTypeConfiguration<SuppressionEntry>
{
    public void Configure(EntityTypeBuilder<SuppressionEntry> builder)
    {
        builder.ToTable("suppressions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasMaxLength(20).IsRequired();
        builder.Property(s => s.Value).HasMaxLength(320).IsRequired();
        builder.HasOne<Accounts.JobsmithUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.Kind, s.Value }).IsUnique();
    }
}
