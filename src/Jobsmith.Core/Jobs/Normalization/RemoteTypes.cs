using System.Text.RegularExpressions;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>
/// Decides onsite/hybrid/remote. A board's explicit workplace field wins; then a "hybrid"/"remote" mention in
/// the title or locations; then the board's remote flag. Description text is not used: "remote-first company"
/// in an About section says nothing about this role.
/// </summary>
public static partial class RemoteTypes
{
    public static RemoteType Decide(string? workplace, bool? remoteFlag, string title, IEnumerable<string> locations)
    {
        var explicitType = Parse(workplace);
        if (explicitType != RemoteType.Unknown) return explicitType;
        var mentions = string.Join(" | ", locations.Prepend(title));
        if (HybridPattern().IsMatch(mentions)) return RemoteType.Hybrid;
        if (RemotePattern().IsMatch(mentions)) return RemoteType.Remote;
        return remoteFlag switch
        {
            true => RemoteType.Remote,
            false => RemoteType.Onsite,
            null => RemoteType.Unknown,
        };
    }

    public static RemoteType Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return RemoteType.Unknown;
        var key = new string(value.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        return key switch
        {
            "remote" or "fullyremote" or "remoteonly" or "telecommute" or "workfromhome" or "wfh" => RemoteType.Remote,
            "hybrid" or "flexible" => RemoteType.Hybrid,
            "onsite" or "inoffice" or "office" or "inperson" or "onpremise" => RemoteType.Onsite,
            _ => RemoteType.Unknown,
        };
    }

    [GeneratedRegex(@"\bhybrid\b", RegexOptions.IgnoreCase)]
    private static partial Regex HybridPattern();

    [GeneratedRegex(@"\b(remote|anywhere|work from home|wfh|home[- ]?office)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemotePattern();
}
