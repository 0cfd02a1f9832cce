namespace Jobsmith.Web.Auth;

/// <summary>Section "Jwt". Without a configured key, one is generated once and kept under the data folder.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    public string Issuer { get; set; } = "jobsmith";

    public string Audience { get; set; } = "jobsmith-api";

    /// <summary>Base64 of at least 32 random bytes. Several web nodes must share it (or the keys folder).</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>How often a browser session is re-checked against the account (password reset, lockout, roles).</summary>
    public int SessionCheckSeconds { get; set; } = 60;
}
