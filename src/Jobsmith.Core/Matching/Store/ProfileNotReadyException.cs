namespace Jobsmith.Core.Matching.Store;

/// <summary>Agents stay blocked until the profile passes the readiness check (A3); this says exactly what is missing.</summary>
public sealed class ProfileNotReadyException(IReadOnlyList<string> missing)
    : Exception("Finish your profile before matching: " + string.Join("; ", missing) + ".")
{
    public IReadOnlyList<string> Missing { get; } = missing;
}
