using System.Text.Json;
using AngleSharp.Dom;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Finds schema.org JobPosting objects in a page's JSON-LD and maps them to drafts (schema.org/JobPosting).</summary>
internal static class SchemaOrgJobPosting
{
    /// <summary>Every JobPosting object in the page's ld+json blocks (top level, arrays and @graph); unparsable blocks are reported.</summary>
    public static List<JsonElement> Find(IDocument page, List<string> problems)
    {
        var found = new List<JsonElement>();
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var doc = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                Collect(doc.RootElement, found, depth: 0);
            }
            catch (JsonException ex)
            {
                problems.Add($"a JSON-LD block is not valid JSON: {ex.Message}");
            }
        }
        return found;
    }

    private static void Collect(JsonElement e, List<JsonElement> found, int depth)
    {
        if (depth > 4) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Collect(item, found, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (IsJobPosting(e)) found.Add(e.Clone());
        if (e.Field("@graph") is { } graph) Collect(graph, found, depth + 1);
    }

    private static bool IsJobPosting(JsonElement e) => e.Field("@type") switch
    {
        { ValueKind: JsonValueKind.String } t => t.GetString() is "JobPosting" or "schema:JobPosting",
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "JobPosting"),
        _ => false,
    };

    public static PostingDraft Read(JsonElement job, string sourceKind, Uri? pageUrl)
    {
        var draft = new PostingDraft
        {
            SourceKind = sourceKind,
            ExternalId = IdentifierOf(job),
            Title = job.Str("title"),
            Company = NameOf(job.Field("hiringOrganization")),
            Workplace = job.Str("jobLocationType") is "TELECOMMUTE" ? "remote" : null,
            EmploymentType = FirstString(job.Field("employmentType")),
            ExperienceLevel = NameOf(job.Field("experienceRequirements")),
            DescriptionHtml = job.Str("description"),
            PostedAt = job.Date("datePosted"),
            ExpiresAt = job.Date("validThrough"),
            Url = job.Str("url") ?? pageUrl?.AbsoluteUri,
            Raw = job,
        };
        foreach (var place in Items(job.Field("jobLocation"))) draft.Locations.Add(PlaceText(place));
        if (draft.Workplace == "remote" && draft.Locations.Count == 0)
            foreach (var area in Items(job.Field("applicantLocationRequirements"))) draft.Locations.Add("Remote (" + NameOf(area) + ")");
        if (job.Obj("baseSalary") is { } salary) ReadSalary(salary, draft);
        return draft;
    }

    private static void ReadSalary(JsonElement salary, PostingDraft draft)
    {
        var value = salary.Field("value");
        if (value is { ValueKind: JsonValueKind.Object } v)
            draft.Salary = SalaryParser.FromStructured(v.Num("minValue") ?? v.Num("value"), v.Num("maxValue") ?? v.Num("value"), salary.Str("currency"), v.Str("unitText"));
        else if (value is { ValueKind: JsonValueKind.Number or JsonValueKind.String })
            draft.Salary = SalaryParser.FromStructured(salary.Num("value"), salary.Num("value"), salary.Str("currency"), salary.Str("unitText"));
    }

    private static string? IdentifierOf(JsonElement job) => job.Field("identifier") switch
    {
        { ValueKind: JsonValueKind.Object } o => o.Str("value"),
        { ValueKind: JsonValueKind.String or JsonValueKind.Number } => job.Str("identifier"),
        _ => null,
    };

    private static string PlaceText(JsonElement place)
    {
        if (place.ValueKind == JsonValueKind.String) return place.GetString() ?? "";
        var address = place.Field("address");
        if (address is { ValueKind: JsonValueKind.String } text) return text.GetString() ?? "";
        if (address is not { ValueKind: JsonValueKind.Object } a) return NameOf(place) ?? "";
        var parts = new[] { a.Str("addressLocality"), a.Str("addressRegion"), NameOf(a.Field("addressCountry")) };
        return string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct());
    }

    private static string? NameOf(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o => o.Str("name") ?? o.Str("description"),
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(x => NameOf(x)).FirstOrDefault(x => x is not null),
        _ => null,
    };

    private static string? FirstString(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()).FirstOrDefault(),
        _ => null,
    };

    private static IEnumerable<JsonElement> Items(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray(),
        { } one => [one],
        null => [],
    };
}
