using Jobsmith.Core.Applications.Submission;

namespace Jobsmith.Core.HumanAgents;

/// <summary>
/// What a human agent is good at, in the words escalations use: the channels' <see cref="EscalationReasons"/>, plus
/// "needs_checking" (a send nobody can tell went out) and ATS families such as "workday" read from the apply URL.
/// </summary>
public static class ExpertiseTags
{
    public const string NeedsChecking = "needs_checking";
    public const string Other = "other";
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxStoredLength = 1000;

    /// <summary>The tags the admin page offers; others are allowed as long as they are plain words.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        EscalationReasons.Captcha, EscalationReasons.LoginWall, EscalationReasons.UnknownQuestion, EscalationReasons.Complexity,
        EscalationReasons.SiteError, EscalationReasons.FileRejected, EscalationReasons.NoChannel, NeedsChecking,
        "workday", "greenhouse", "lever", "ashby", "linkedin",
    ];

    // ATS families recognised from the apply URL's host, so a Workday specialist gets the Workday wizards.
    private static readonly (string HostPart, string Tag)[] Families =
    [
        ("myworkdayjobs", "workday"), ("workday", "workday"), ("greenhouse", "greenhouse"), ("lever.co", "lever"),
        ("ashbyhq", "ashby"), ("linkedin", "linkedin"),
    ];

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower-case words of letters, digits, '_' and '-', without repeats; null with the reason when one is not.</summary>
    public static (IReadOnlyList<string>? Tags, string? Error) Normalize(IEnumerable<string>? given)
    {
        var tags = new List<string>();
        foreach (var raw in given ?? [])
        {
            var tag = raw.Trim().ToLowerInvariant().Replace(' ', '_');
            if (tag.Length == 0) continue;
            if (tag.Length > MaxTagLength || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                return (null, $"\"{raw.Trim()}\" is not a tag: use up to {MaxTagLength} letters, digits, '_' or '-'.");
            if (!tags.Contains(tag)) tags.Add(tag);
        }
        return tags.Count > MaxTags ? (null, $"At most {MaxTags} tags.") : (tags, null);
    }

    /// <summary>
    /// The reason an escalation is about: the code the event carries when it is one of <see cref="Known"/>; otherwise read
    /// from the reason text the application was escalated with (SendGuard writes "Needs checking: …").
    /// </summary>
    public static string ReasonOf(string? code, string? reasonText, bool sendUnknown)
    {
        if (sendUnknown) return NeedsChecking;
        if (!string.IsNullOrWhiteSpace(code) && Normalize([code]).Tags is [var tag]) return tag;
        var text = reasonText?.ToLowerInvariant() ?? "";
        if (text.StartsWith("needs checking", StringComparison.Ordinal)) return NeedsChecking;
        if (text.Contains("captcha", StringComparison.Ordinal)) return EscalationReasons.Captcha;
        if (text.Contains("login", StringComparison.Ordinal) || text.Contains("sign in", StringComparison.Ordinal) || text.Contains("account", StringComparison.Ordinal))
            return EscalationReasons.LoginWall;
        if (text.Contains("question", StringComparison.Ordinal)) return EscalationReasons.UnknownQuestion;
        if (text.Contains("complex", StringComparison.Ordinal)) return EscalationReasons.Complexity;
        return Other;
    }

    /// <summary>The ATS family of an apply URL, if it is one agents specialise in.</summary>
    public static string? FamilyOf(string? applyUrl)
    {
        if (!Uri.TryCreate(applyUrl, UriKind.Absolute, out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        return Families.FirstOrDefault(f => host.Contains(f.HostPart, StringComparison.Ordinal)).Tag;
    }

    /// <summary>A reason in words, for cards and notifications.</summary>
    public static string Describe(string reason) => reason switch
    {
        EscalationReasons.Captcha => "a CAPTCHA",
        EscalationReasons.LoginWall => "a login wall",
        EscalationReasons.UnknownQuestion => "a question Jobsmith cannot answer",
        EscalationReasons.Complexity => "a form too complex to fill automatically",
        EscalationReasons.SiteError => "an error on the employer's site",
        EscalationReasons.FileRejected => "a file the site refused",
        EscalationReasons.NoChannel => "no way to send it automatically",
        NeedsChecking => "a send that needs checking",
        _ => reason.Replace('_', ' '),
    };
}
