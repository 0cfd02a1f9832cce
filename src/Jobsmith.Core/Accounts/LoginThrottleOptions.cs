using System.ComponentModel.DataAnnotations;

namespace Jobsmith.Core.Accounts;

/// <summary>
/// Section "Accounts:LoginThrottle" (R3, L4). Failed sign-ins are counted per (address, email), per address and
/// per email; past a key's free failures each further failure doubles a temporary wait, up to <see cref="MaxDelaySeconds"/>.
/// </summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Accounts:LoginThrottle";

    /// <summary>One client guessing one account's password.</summary>
    [Range(1, 1000)]
    public int FreeFailuresPerAddressAndEmail { get; set; } = 5;

    /// <summary>One client spraying passwords over many accounts.</summary>
    [Range(1, 100_000)]
    public int FreeFailuresPerAddress { get; set; } = 30;

    /// <summary>Many clients guessing one account; high, so the owner is slowed at most briefly, never locked out.</summary>
    [Range(1, 100_000)]
    public int FreeFailuresPerEmail { get; set; } = 50;

    [Range(0.01, 3600)]
    public double BaseDelaySeconds { get; set; } = 1;

    [Range(0.01, 86_400)]
    public double MaxDelaySeconds { get; set; } = 15 * 60;

    /// <summary>A key with no failure for this long starts over.</summary>
    [Range(1, 7 * 86_400)]
    public double ForgetAfterSeconds { get; set; } = 24 * 3600;
}
