using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles.Model;
using static Jobsmith.Core.Profiles.JsonResume.JsonResumeNodes;

namespace Jobsmith.Core.Profiles.JsonResume;

internal static class JsonResumeBasics
{
    public static (ContactInfo Contact, SourcedText? Headline, SourcedText? Summary) Read(JsonObject basics, ProvenanceTextBuilder text)
    {
        const string path = "$.basics";
        var name = text.Add(Str(basics, "name", path));
        var headline = text.Add(Str(basics, "label", path));
        var email = text.Add(Str(basics, "email", path), "Email: ");
        var phone = text.Add(Str(basics, "phone", path), "Phone: ");
        var website = Str(basics, "url", path);
        text.Add(website, "Website: ");
        var address = ReadAddress(Obj(basics, "location", path));
        var location = text.Add(Display(address), "Location: ");
        var links = Objects(basics, "profiles", path).Select(p => Profile(p.Item, p.Path, text)).ToList();
        var summary = text.Add(Str(basics, "summary", path));
        var contact = new ContactInfo(name, email, phone, location, links)
        {
            Address = address,
            WebsiteUrl = website,
            ImageUrl = Str(basics, "image", path),
        };
        return (contact, headline, summary);
    }

    private static ProfileLink Profile(JsonObject profile, string path, ProvenanceTextBuilder text)
    {
        var network = Str(profile, "network", path);
        var username = Str(profile, "username", path);
        var url = text.Add(Str(profile, "url", path) ?? "", network is null ? "" : network + ": ")!;
        return new ProfileLink(url) { Network = network, Username = username };
    }

    private static PostalAddress? ReadAddress(JsonObject? location)
    {
        if (location is null) return null;
        const string path = "$.basics.location";
        return new PostalAddress(Str(location, "address", path), Str(location, "postalCode", path), Str(location, "city", path),
            Str(location, "countryCode", path), Str(location, "region", path));
    }

    private static string? Display(PostalAddress? address)
    {
        if (address is null) return null;
        var parts = new[] { address.City, address.Region, address.CountryCode }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }
}
