namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// What to fetch. <see cref="Target"/> is source-specific: a board token (Greenhouse, Lever, Ashby, Workable),
/// a URL (JSON-LD pages, feeds, files, pastes) or unused for search APIs, which read the keywords instead.
/// </summary>
public sealed record JobSourceQuery(string Target)
{
    public string? Keywords { get; init; }
    public string? Location { get; init; }

    /// <summary>User-supplied API keys by name (e.g. Adzuna "app_id"/"app_key", Jooble "api_key").</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } = new Dictionary<string, string>();

    /// <summary>Upper bound on pages followed for paginated sources.</summary>
    public int MaxPages { get; init; } = 3;

    /// <summary>Adzuna's country path segment (gb, us, de, ...).</summary>
    public string Country { get; init; } = "gb";

    public string RequireCredential(string name) =>
        Credentials.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"this source needs the credential '{name}'; add it in the source settings");
}
