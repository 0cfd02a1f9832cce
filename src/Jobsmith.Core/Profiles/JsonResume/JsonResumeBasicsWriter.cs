using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.JsonResume;

internal static class JsonResumeBasicsWriter
{
    public static JsonObject Write(ParsedResume resume)
    {
        var contact = resume.Contact;
        var profiles = contact.Links.Where(l => l.Network is not null || l.Username is not null)
            .Select(l => (JsonNode)new JsonFields().Set("network", l.Network).Set("username", l.Username).Set("url", l.Url.Value).Object)
            .ToList();
        // Links found in a text resume have no network; the first becomes the website when none is set.
        var website = contact.WebsiteUrl ?? contact.Links.FirstOrDefault(l => l.Network is null)?.Url.Value;
        return new JsonFields()
            .Set("name", contact.Name?.Value).Set("label", resume.Headline?.Value).Set("image", contact.ImageUrl)
            .Set("email", contact.Email?.Value).Set("phone", contact.Phone?.Value).Set("url", website)
            .Set("summary", resume.Summary?.Value).Set("location", Location(contact))
            .Set("profiles", profiles.Count > 0 ? new JsonArray([.. profiles]) : null).Object;
    }

    private static JsonObject? Location(ContactInfo contact)
    {
        if (contact.Address is { } a)
            return new JsonFields().Set("address", a.Address).Set("postalCode", a.PostalCode).Set("city", a.City)
                .Set("countryCode", a.CountryCode).Set("region", a.Region).Object;
        return contact.Location is { } text ? new JsonFields().Set("address", text.Value).Object : null;
    }
}
