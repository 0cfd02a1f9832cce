using System.Text.Json;
using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.JsonResume;

/// <summary>Writes a profile back as a JSON Resume (jsonresume.org schema v1), in the schema's section order.</summary>
public static class JsonResumeExporter
{
    private static readonly string[] SectionOrder =
    [
        "$schema", "basics", "work", "volunteer", "education", "awards", "certificates", "publications",
        "skills", "languages", "interests", "references", "projects", "meta",
    ];

    public static string ToJson(ParsedResume resume) =>
        Export(resume).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static JsonObject Export(ParsedResume resume)
    {
        var sections = new Dictionary<string, JsonNode?>
        {
            ["basics"] = JsonResumeBasicsWriter.Write(resume),
            ["work"] = ArrayOrNull(resume.Experience.Select(JsonResumeSectionWriter.Work)),
            ["education"] = ArrayOrNull(resume.Education.Select(JsonResumeSectionWriter.Education)),
            ["skills"] = ArrayOrNull(JsonResumeSectionWriter.Skills(resume.Skills)),
            ["languages"] = ArrayOrNull(resume.Languages.Select(JsonResumeSectionWriter.Language)),
            ["projects"] = ArrayOrNull(resume.Projects.Select(JsonResumeSectionWriter.Project)),
            ["certificates"] = ArrayOrNull(resume.Certifications.Select(JsonResumeSectionWriter.Certificate)),
        };
        foreach (var (key, value) in resume.UnmappedJsonResume ?? [])
            sections[key] = value?.DeepClone();

        var root = new JsonObject();
        foreach (var key in SectionOrder.Concat(sections.Keys.Except(SectionOrder)))
            if (sections.TryGetValue(key, out var node) && node is not null) root[key] = node;
        return root;
    }

    private static JsonArray? ArrayOrNull(IEnumerable<JsonObject> items)
    {
        var array = new JsonArray([.. items]);
        return array.Count > 0 ? array : null;
    }
}

/// <summary>Builds JSON objects leaving out absent values, so an export has exactly the fields the profile has.</summary>
internal sealed class JsonFields
{
    public JsonObject Object { get; } = [];

    public JsonFields Set(string key, string? value)
    {
        if (value is not null) Object[key] = value;
        return this;
    }

    public JsonFields Set(string key, PartialDate? value) => Set(key, value?.ToString());

    public JsonFields Set(string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0) Object[key] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
        return this;
    }

    public JsonFields Set(string key, JsonNode? node)
    {
        if (node is not null) Object[key] = node;
        return this;
    }
}
