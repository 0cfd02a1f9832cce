using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobsmith.Tests.Profiles.Fixtures;
using Jobsmith.Tests.Profiles.Store;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Web.Tests.Profiles;

public sealed class CandidateApiTests
{
    private static MultipartFormDataContent File(byte[] content, string name, string type)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { part, "file", name } };
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Txt_and_docx_uploads_become_versions_a_corrupt_pdf_is_a_400_and_versions_are_private(string provider)
    {
        await using var app = await CandidateWebApp.StartAsync(provider);
        var alice = await app.CandidateAsync("alice@example.com");
        var bob = await app.CandidateAsync("bob@example.com");

        var txt = await alice.PostAsync("/api/candidates/resume/upload", File(Encoding.UTF8.GetBytes(SampleResumes.Text), "cv.txt", "text/plain"));
        Assert.Equal(HttpStatusCode.Created, txt.StatusCode);
        var txtBody = await JsonAsync(txt);
        var firstId = txtBody.GetProperty("version").GetProperty("id").GetString();
        Assert.Contains(txtBody.GetProperty("profile").GetProperty("facts").EnumerateArray(), f => f.GetProperty("value").GetString() == SampleResumes.Name);

        var docxBytes = DocxFixtureWriter.Paragraphs(SampleResumes.Text.Replace("Stripe", "Monzo", StringComparison.Ordinal));
        var docx = await alice.PostAsync("/api/candidates/resume/upload", File(docxBytes, "cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Assert.Equal(HttpStatusCode.Created, docx.StatusCode);
        Assert.Contains(((await JsonAsync(docx)).GetProperty("profile").GetProperty("facts")).EnumerateArray(), f => f.GetProperty("value").GetString() == "Monzo");

        var pdf = await alice.PostAsync("/api/candidates/resume/upload", File(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj broken"), "cv.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        var problem = await JsonAsync(pdf);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("errors").GetProperty("file")[0].GetString()));

        var list = await JsonAsync(await alice.GetAsync("/api/candidates/resume"));
        Assert.Equal([3, 2, 1], list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("versionNumber").GetInt32()));
        Assert.Equal("failed", list.GetProperty("latest").GetProperty("status").GetString());
        var me = await JsonAsync(await alice.GetAsync("/api/candidates/me"));
        Assert.Contains(me.GetProperty("profile").GetProperty("facts").EnumerateArray(), f => f.GetProperty("value").GetString() == "Monzo");

        var old = await JsonAsync(await alice.GetAsync($"/api/candidates/resume/{firstId}"));
        Assert.Equal("Stripe", old.GetProperty("parsedProfile").GetProperty("experience")[0].GetProperty("company").GetString());
        Assert.Equal(SampleResumes.Text.Replace("\r\n", "\n", StringComparison.Ordinal), Encoding.UTF8.GetString(await alice.GetByteArrayAsync($"/api/candidates/resume/{firstId}/file")).Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/candidates/resume/{firstId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/candidates/resume/{firstId}/file")).StatusCode);
        var aliceFact = me.GetProperty("profile").GetProperty("facts")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PatchAsJsonAsync($"/api/candidates/me/facts/{aliceFact}", new { value = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/candidates/me/facts/{aliceFact}")).StatusCode);
        Assert.Empty((await JsonAsync(await bob.GetAsync("/api/candidates/resume"))).GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task Preferences_are_validated_and_readiness_follows_them()
    {
        await using var app = await CandidateWebApp.StartAsync("sqlite");
        var carol = await app.CandidateAsync("carol@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync("/api/candidates/preferences")).StatusCode);

        var bad = await carol.PutAsJsonAsync("/api/candidates/preferences", new { salaryMin = 120000, salaryMax = 90000, salaryCurrency = "usd", remotePreference = "moon" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("salaryMax", out _));
        Assert.True(errors.TryGetProperty("remotePreference", out _));

        await carol.PostAsync("/api/candidates/resume/upload", File(Encoding.UTF8.GetBytes(SampleResumes.Text), "cv.md", "text/markdown"));
        var notReady = await JsonAsync(await carol.GetAsync("/api/candidates/readiness"));
        Assert.False(notReady.GetProperty("ready").GetBoolean());
        Assert.Contains(notReady.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("job title", StringComparison.Ordinal));

        var good = await carol.PutAsJsonAsync("/api/candidates/preferences", new { titles = new[] { "Platform Engineer" }, remotePreference = "remote", salaryMin = 150000, salaryCurrency = "usd" });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("USD", (await JsonAsync(good)).GetProperty("values").GetProperty("salaryCurrency").GetString());
        Assert.True((await JsonAsync(await carol.GetAsync("/api/candidates/readiness"))).GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task Facts_can_be_corrected_and_deleted_and_the_json_resume_export_reimports()
    {
        await using var app = await CandidateWebApp.StartAsync("sqlite");
        var dave = await app.CandidateAsync("dave@example.com");
        await dave.PostAsync("/api/candidates/resume/upload", File(Encoding.UTF8.GetBytes(SampleResumes.Text), "cv.txt", "text/plain"));
        var facts = (await JsonAsync(await dave.GetAsync("/api/candidates/me"))).GetProperty("profile").GetProperty("facts").EnumerateArray().ToList();
        var name = facts.First(f => f.GetProperty("kind").GetString() == "name").GetProperty("id").GetString();
        var phone = facts.First(f => f.GetProperty("kind").GetString() == "phone").GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, (await dave.PatchAsJsonAsync($"/api/candidates/me/facts/{name}", new { value = "  " })).StatusCode);
        var edited = await JsonAsync(await dave.PatchAsJsonAsync($"/api/candidates/me/facts/{name}", new { value = "Priya Raman-Iyer" }));
        Assert.Equal(("edited", SampleResumes.Name), (edited.GetProperty("source").GetString(), edited.GetProperty("parsedValue").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await dave.DeleteAsync($"/api/candidates/me/facts/{phone}")).StatusCode);

        var export = await JsonAsync(await dave.GetAsync("/api/candidates/me/jsonresume"));
        Assert.Equal("Priya Raman-Iyer", export.GetProperty("basics").GetProperty("name").GetString());
        Assert.False(export.GetProperty("basics").TryGetProperty("phone", out _));

        var reimport = await dave.PostAsync("/api/candidates/me/jsonresume", new StringContent(export.GetRawText(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, reimport.StatusCode);
        var body = await JsonAsync(reimport);
        Assert.Equal(2, body.GetProperty("version").GetProperty("versionNumber").GetInt32());
        Assert.Contains(body.GetProperty("profile").GetProperty("facts").EnumerateArray(), f => f.GetProperty("value").GetString() == "Stripe");
        Assert.Equal(HttpStatusCode.BadRequest, (await dave.PostAsync("/api/candidates/me/jsonresume", new StringContent("{\"basics\": 5", Encoding.UTF8, "application/json"))).StatusCode);

        var skill = await JsonAsync(await dave.PutAsJsonAsync("/api/candidates/me/skills", new { name = "k8s", proficiency = 4 }));
        Assert.Equal(("Kubernetes", "claimed", 4), (skill.GetProperty("name").GetString(), skill.GetProperty("verification").GetString(), skill.GetProperty("proficiency").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, (await dave.PutAsJsonAsync("/api/candidates/me/skills", new { name = "k8s", proficiency = 9 })).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_skill_fact_removes_the_skill_from_the_profiles_skills()
    {
        await using var app = await CandidateWebApp.StartAsync("sqlite");
        var fay = await app.CandidateAsync("fay@example.com");
        await fay.PostAsync("/api/candidates/resume/upload", File(Encoding.UTF8.GetBytes(SampleResumes.Text), "cv.txt", "text/plain"));
        var skillsBefore = (await JsonAsync(await fay.GetAsync("/api/candidates/me/skills"))).EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        var facts = (await JsonAsync(await fay.GetAsync("/api/candidates/me"))).GetProperty("profile").GetProperty("facts").EnumerateArray().ToList();
        var fact = facts.First(f => f.GetProperty("kind").GetString() == "skill"
            && skillsBefore.Contains(f.GetProperty("value").GetString()!, StringComparer.OrdinalIgnoreCase));
        var skillName = skillsBefore.First(n => string.Equals(n, fact.GetProperty("value").GetString(), StringComparison.OrdinalIgnoreCase));

        Assert.Equal(HttpStatusCode.NoContent, (await fay.DeleteAsync($"/api/candidates/me/facts/{fact.GetProperty("id").GetString()}")).StatusCode);

        var skillsAfter = (await JsonAsync(await fay.GetAsync("/api/candidates/me/skills"))).EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.DoesNotContain(skillName, skillsAfter);
        Assert.Equal(skillsBefore.Count - 1, skillsAfter.Count);
    }

    [Fact]
    public async Task Files_over_the_configured_limit_and_empty_requests_are_refused_with_a_message()
    {
        await using var app = await CandidateWebApp.StartAsync("sqlite", new Dictionary<string, string> { ["Jobsmith:ResumeImport:MaxBytes"] = "1000" });
        var erin = await app.CandidateAsync("erin@example.com");

        var big = await erin.PostAsync("/api/candidates/resume/upload", File(new byte[2000], "big.txt", "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("limit", (await JsonAsync(big)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var none = await erin.PostAsync("/api/candidates/resume/upload", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Empty((await JsonAsync(await erin.GetAsync("/api/candidates/resume"))).GetProperty("versions").EnumerateArray());
    }
}
