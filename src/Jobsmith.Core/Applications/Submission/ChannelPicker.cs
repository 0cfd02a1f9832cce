using Jobsmith.Core.Jobs;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>The channel an application goes through, where to, and why (shown to the candidate and logged).</summary>
public sealed record ChannelChoice(string Channel, string? TargetHost, string? Email, string Reason);

/// <summary>
/// F3, F4: picks the channel from how the posting says to apply. A mailto link or an email route goes by email; a form
/// on a site that forbids automated applying (assist-only, e.g. LinkedIn) is the candidate's to submit (manual); a route
/// classified complex because the site needs an account or a wizard (Workday, Taleo…) goes straight to a human agent;
/// other forms — on a company's own site too — are filled in the browser, which itself stops for a person at a CAPTCHA,
/// a login wall, a question it cannot answer or a form too complex to fill. No apply link: manual.
/// </summary>
public static class ChannelPicker
{

    /// <param name="routeRule">Why the posting's route was chosen (<see cref="Jobs.Normalization.ApplicationRoutes"/>), when known.</param>
    public static ChannelChoice Pick(ApplicationType route, string? applyUrl, IReadOnlyCollection<string> assistOnlyHosts, string? routeRule = null)
    {
        ArgumentNullException.ThrowIfNull(assistOnlyHosts);
        Uri.TryCreate(applyUrl, UriKind.Absolute, out var url);
        if (url is not null && url.Scheme == Uri.UriSchemeMailto && EmailOf(url) is { } address)
            return new(ChannelNames.Email, DomainOf(address), address, $"The posting asks for applications by email to {address}.");
        if (url is null || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return new(ChannelNames.Manual, null, null, "The posting gives no application link Jobsmith can open, so you apply with the prepared material.");
        var host = url.IdnHost.ToLowerInvariant();
        if (assistOnlyHosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal)))
            return new(ChannelNames.Manual, host, null, $"{host} does not allow automated applications: you submit it there yourself, with the prepared material.");
        return route switch
        {
            // An unknown site is only unknown: the browser looks at its form before anyone calls it too complex.
            ApplicationType.Complex when routeRule == Jobs.Normalization.ApplicationRoutes.UnknownExternalSite => new(ChannelNames.BrowserForm, host, null, $"Jobsmith fills the application form on {host}; a person takes over if the page needs one."),
            ApplicationType.Complex => new(ChannelNames.HumanAgent, host, null, "The application is too complex to fill automatically, so a human agent completes it."),
            _ => new(ChannelNames.BrowserForm, host, null, $"Jobsmith fills the application form on {host}."),
        };
    }

    private static string? EmailOf(Uri mailto)
    {
        var address = Uri.UnescapeDataString(mailto.AbsoluteUri["mailto:".Length..].Split('?')[0]).Trim();
        return address.Length is > 3 and <= 320 && address.Count(c => c == '@') == 1 && !address.Any(char.IsWhiteSpace) ? address : null;
    }

    private static string DomainOf(string address) => address[(address.IndexOf('@') + 1)..].ToLowerInvariant();
}
