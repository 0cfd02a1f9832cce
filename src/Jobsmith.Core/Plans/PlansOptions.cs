using System.ComponentModel.DataAnnotations;

namespace Jobsmith.Core.Plans;

/// <summary>
/// Section "Plans". The three built-in plans can be changed or extended per key
/// (<c>Plans:Catalog:pro:ApplicationsPerMonth=300</c>); payments go through Stripe when <c>Plans:Stripe:SecretKey</c>
/// is set and through the local stand-in otherwise. Keys and secrets are read here and never logged.
/// </summary>
public sealed class PlansOptions
{
    public const string Section = "Plans";

    /// <summary>The plan of everyone without a paid subscription.</summary>
    public string DefaultPlan { get; set; } = "free";

    public Dictionary<string, PlanSettings> Catalog { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many days before a paid period ends the candidate is told it ends or renews.</summary>
    [Range(0, 60)]
    public int ExpiryNoticeDays { get; set; } = 3;

    /// <summary>
    /// How long a paid plan still counts after its period end when no renewal was heard of (a late webhook should
    /// not cut anyone off), before quotas fall back to the default plan.
    /// </summary>
    [Range(0, 30)]
    public int RenewalGraceDays { get; set; } = 3;

    /// <summary>Webhooks whose signed timestamp is further than this from now are refused (replays of old deliveries).</summary>
    [Range(10, 3600)]
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>The local stand-in's signing secret; a random one per process when empty.</summary>
    public string? LocalWebhookSecret { get; set; }

    public StripeSettings Stripe { get; set; } = new();
}

/// <summary>Overrides for one plan; anything left empty keeps the built-in value.</summary>
public sealed class PlanSettings
{
    public string? Name { get; set; }
    public int? ApplicationsPerMonth { get; set; }
    public decimal? MonthlyPrice { get; set; }
    public string? Currency { get; set; }
    public string[]? Features { get; set; }
    public int? Rank { get; set; }
    /// <summary>The Stripe Price (recurring, monthly) a checkout for this plan buys.</summary>
    public string? StripePriceId { get; set; }
    /// <summary>False hides a plan from the list and refuses upgrades to it.</summary>
    public bool? Enabled { get; set; }
}

public sealed class StripeSettings
{
    /// <summary>The secret API key (sk_…). Setting it switches payments from the local stand-in to Stripe.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (whsec_…); required with a secret key.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API address; tests point it at a loopback server speaking Stripe's wire format.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    public bool Enabled => !string.IsNullOrWhiteSpace(SecretKey);
}
