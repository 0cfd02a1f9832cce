using System.Net;

namespace Jobsmith.Core.Jobs.Fetching;

/// <summary>
/// Checks a source target (a board name or a URL) when an admin saves it, so a refused address is rejected with a
/// reason at once instead of failing at every run. The fetcher still checks every resolved address at connect time
/// (a name can resolve differently later); this catches what is knowable now: the scheme, address literals and
/// names that only ever mean this host or its private network.
/// </summary>
public static class TargetPolicy
{
    private static readonly string[] InternalSuffixes = [".localhost", ".local", ".internal", ".lan", ".home.arpa"];

    /// <summary>Why the target may not be fetched, or null when it may.</summary>
    public static string? Problem(string target, bool allowLoopback)
    {
        var text = target.Trim();
        if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return $"{target}: only http and https addresses can be fetched.";
        // A board name is not a URL (on Unix a leading '/' parses as a file URI; that is not a fetch target either).
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.IsFile) return null;
        if (url.Scheme is not ("http" or "https")) return $"{target}: only http and https addresses can be fetched.";
        var host = url.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out var literal))
            return AddressPolicy.IsAllowed(literal, allowLoopback) ? null : $"{target}: {host} is a private, local or reserved address.";
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name == "localhost" && !allowLoopback) return $"{target}: localhost is this server itself.";
        if (name != "localhost" && (InternalSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) || !name.Contains('.', StringComparison.Ordinal)))
            return $"{target}: {host} is not a public host name.";
        return null;
    }
}
