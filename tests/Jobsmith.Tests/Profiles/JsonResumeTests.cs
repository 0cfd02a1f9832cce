using System.Text;
using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.JsonResume;
using Jobsmith.Tests.Profiles.Fixtures;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Profiles;

public sealed class JsonResumeTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task Sample_resume_round_trips_field_for_field()
    {
        var path = SharedData.Require("resumes", "jsonresume", "sample.resume.json");
        var original = JsonNode.Parse(await File.ReadAllBytesAsync(path))!.AsObject();
        var resume = await new ProfileParser(Clock).ParseFileAsync(path);

        var exported = JsonResumeExporter.Export(resume);
        var differences = Differences("$", original, exported).ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences));

        Assert.Equal("Richard Hendriks", resume.Contact.Name?.Value);
        Assert.Equal("CEO/President", resume.Experience[0].Title?.Value);
        Assert.Equal("Pied Piper", resume.Experience[0].Company?.Value);
        Assert.Equal(3, resume.Experience[0].Bullets.Count);
        Assert.Equal("Bachelor", resume.Education[0].Degree?.Value);
        Assert.Contains(resume.Skills, s => s.Name.Value == "Javascript" && s.Group == "Web Development");
        // Imported facts point into the rendered text just like parsed ones.
        var email = resume.Contact.Email!;
        Assert.Equal(email.Value, resume.Text.Text[email.Source.Start..email.Source.End]);
    }

    [Theory]
    [InlineData("{\"basics\": ", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"name\": \"x\"}", "not a JSON Resume")]
    [InlineData("{\"work\": \"Acme\"}", "$.work must be an array")]
    [InlineData("{\"basics\": {\"name\": 42}}", "$.basics.name must be a string")]
    [InlineData("{\"work\": [{\"startDate\": \"last spring\"}]}", "$.work[0].startDate must be an ISO 8601 date")]
    public async Task Invalid_json_resumes_get_a_clear_error(string json, string expected)
    {
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => new ProfileParser(Clock).ParseAsync(Encoding.UTF8.GetBytes(json), "resume.json"));
        Assert.Equal(ResumeImportError.NotJsonResume, error.Error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Sharing_export_marks_contact_and_disclosures_as_sensitive()
    {
        var path = SharedData.Require("resumes", "jsonresume", "sample.resume.json");
        var resume = await new ProfileParser(Clock).ParseFileAsync(path);
        var fields = ProfileSharingExport.Export(resume, new CandidateDisclosures("$150,000", "US citizen"));

        Assert.Equal(FieldSensitivity.Contact, fields.Single(f => f.Path == "email").Sensitivity);
        Assert.Equal(FieldSensitivity.Compensation, fields.Single(f => f.Path == "salaryExpectation").Sensitivity);
        Assert.Equal(FieldSensitivity.WorkAuthorization, fields.Single(f => f.Path == "workAuthorization").Sensitivity);
        var shared = ProfileSharingExport.ForExternalSharing(fields);
        Assert.DoesNotContain(shared, f => f.Path is "email" or "phone" or "salaryExpectation" or "workAuthorization" or "address");
        Assert.Contains(shared, f => f.Path == "experience[0].title" && f.Value == "CEO/President");
    }

    private static IEnumerable<string> Differences(string path, JsonNode? expected, JsonNode? actual)
    {
        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                    foreach (var d in Differences($"{path}.{key}", e[key], a[key])) yield return d;
                break;
            case JsonArray e when actual is JsonArray a && e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                    foreach (var d in Differences($"{path}[{i}]", e[i], a[i])) yield return d;
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    yield return $"{path}: expected {expected?.ToJsonString() ?? "absent"}, got {actual?.ToJsonString() ?? "absent"}";
                break;
        }
    }
}
