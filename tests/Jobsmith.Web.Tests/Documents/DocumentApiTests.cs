using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobsmith.Core.Documents;
using Jobsmith.Web.Api;
using Jobsmith.Web.Tests.Jobs;

namespace Jobsmith.Web.Tests.Documents;

/// <summary>The documents API end to end (E1–E6): create, list, read, edit into a re-checked version, approve, each user's own.</summary>
public sealed class DocumentApiTests
{
    private static readonly JsonSerializerOptions Json = DocumentScenario.Json;

    [SkippableFact]
    public async Task A_candidate_drafts_edits_and_approves_and_nobody_else_can_see_or_touch_the_documents()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        var (owner, posting) = await DocumentScenario.MatchedCandidateAsync(app);
        var intruder = await app.ClientAsync("candidate");

        using var created = await owner.PostAsJsonAsync("/api/documents", new { postingId = posting });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var drafts = (await created.Content.ReadFromJsonAsync<List<DocumentView>>(Json))!;
        Assert.Equal(DocumentKinds.All, drafts.Select(d => d.Kind));
        Assert.All(drafts, d => Assert.Equal((1, DocumentStatus.Draft), (d.Version, d.Status)));
        var resume = drafts.Single(d => d.Kind == DocumentKinds.Resume);
        Assert.Empty(resume.Flags);
        Assert.Contains("Rust", resume.Coverage.Covered);
        Assert.Contains(resume.Lines, l => l.Text.Contains("storage engine in Rust", StringComparison.Ordinal) && l.FactIds.Count > 0);

        Assert.Equal(3, (await owner.GetFromJsonAsync<List<DocumentView>>($"/api/documents?postingId={posting}", Json))!.Count);
        Assert.Equal(3, (await owner.GetFromJsonAsync<List<DocumentView>>("/api/documents", Json))!.Count);
        Assert.Empty((await owner.GetFromJsonAsync<List<DocumentView>>($"/api/documents?postingId={Guid.NewGuid()}", Json))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync("/api/documents?postingId=nope")).StatusCode);
        Assert.Equal(resume.Lines.Select(l => l.Text), (await owner.GetFromJsonAsync<DocumentView>($"/api/documents/{resume.Id}", Json))!.Lines.Select(l => l.Text));

        // Another candidate: the posting is not among their matches and the documents do not exist for them.
        Assert.Empty((await intruder.GetFromJsonAsync<List<DocumentView>>("/api/documents", Json))!);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsJsonAsync("/api/documents", new { postingId = posting })).StatusCode);
        foreach (var (method, path, body) in new (string, string, object?)[]
                 {
                     ("GET", $"/api/documents/{resume.Id}", null), ("POST", $"/api/documents/{resume.Id}/edits", new { lines = resume.Lines.Select(l => l.Text) }),
                     ("POST", $"/api/documents/{resume.Id}/approve", null), ("GET", $"/api/documents/{resume.Id}/preview", null),
                     ("GET", $"/api/documents/{resume.Id}/pdf", null), ("GET", $"/api/documents/{resume.Id}/docx", null),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await intruder.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} as another candidate gave {response.StatusCode}");
        }

        foreach (var bad in new object[] { new { postingId = "not-a-guid" }, new { } })
            Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync("/api/documents", bad)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync("/api/documents", new { postingId = Guid.NewGuid() })).StatusCode);

        // An edit that claims a skill the profile lacks is saved as a new version, flagged, and cannot be approved.
        var bullet = resume.Lines.ToList().FindIndex(l => l.Text.Contains("storage engine in Rust", StringComparison.Ordinal));
        var texts = resume.Lines.Select(l => l.Text).ToList();
        texts[bullet] = "• Built a storage engine in Rust and ran it on Kubernetes.";
        using var edited = await owner.PostAsJsonAsync($"/api/documents/{resume.Id}/edits", new { lines = texts });
        Assert.Equal(HttpStatusCode.Created, edited.StatusCode);
        var flagged = (await edited.Content.ReadFromJsonAsync<DocumentView>(Json))!;
        Assert.Equal((2, DocumentService.EditedEngine), (flagged.Version, flagged.Engine));
        // The checker may flag one claim for more than one reason (a skill, a name); all on the edited line.
        Assert.NotEmpty(flagged.Flags);
        Assert.All(flagged.Flags, f => Assert.Equal((bullet, "Kubernetes"), (f.Line, f.Claim)));
        Assert.False(flagged.CanApprove);

        using var refused = await owner.PostAsync($"/api/documents/{flagged.Id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(bullet, problem.GetProperty("flags")[0].GetProperty("line").GetInt32());
        Assert.Contains("Fix the flagged lines", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Wrong line counts, missing lines and over-long lines are refused without a new version.
        foreach (var bad in new object[] { new { lines = texts.Take(1) }, new { }, new { lines = texts.Select(_ => new string('x', DocumentService.MaxLineLength + 1)) } })
        {
            using var response = await owner.PostAsJsonAsync($"/api/documents/{flagged.Id}/edits", bad);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{JsonSerializer.Serialize(bad)[..Math.Min(60, JsonSerializer.Serialize(bad).Length)]} gave {response.StatusCode}");
        }

        // Removing the claim (an empty text drops the line) gives a clean version 3, which approves.
        texts[bullet] = "";
        using var fixedResponse = await owner.PostAsJsonAsync($"/api/documents/{flagged.Id}/edits", new { lines = texts });
        var clean = (await fixedResponse.Content.ReadFromJsonAsync<DocumentView>(Json))!;
        Assert.Equal((3, 0, resume.Lines.Count - 1), (clean.Version, clean.Flags.Count, clean.Lines.Count));
        using var approved = await owner.PostAsync($"/api/documents/{clean.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(DocumentStatus.Approved, (await approved.Content.ReadFromJsonAsync<DocumentView>(Json))!.Status);
        var versions = (await owner.GetFromJsonAsync<List<DocumentView>>($"/api/documents?postingId={posting}", Json))!.Where(d => d.Kind == DocumentKinds.Resume).ToList();
        Assert.Equal([3, 2, 1], versions.Select(v => v.Version));
        Assert.Equal([DocumentStatus.Approved, DocumentStatus.Draft, DocumentStatus.Draft], versions.Select(v => v.Status));
    }

    [SkippableFact]
    public async Task Preview_is_served_under_a_sandboxing_policy_and_downloads_are_attachments()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        DocumentScenario.RequireRenderer(app.Services);
        var (owner, posting) = await DocumentScenario.MatchedCandidateAsync(app);
        var drafts = (await (await owner.PostAsJsonAsync("/api/documents", new { postingId = posting })).Content.ReadFromJsonAsync<List<DocumentView>>(Json))!;
        var resume = drafts.Single(d => d.Kind == DocumentKinds.Resume);

        using var preview = await owner.GetAsync($"/api/documents/{resume.Id}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("text/html", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal(DocumentEndpoints.PreviewPolicy, string.Join("; ", preview.Headers.GetValues("Content-Security-Policy")));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Ada Stone", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        foreach (var (format, type, magic) in new[] { ("pdf", "application/pdf", "%PDF"u8.ToArray()), ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"u8.ToArray()) })
        {
            using var file = await owner.GetAsync($"/api/documents/{resume.Id}/{format}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(type, file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
            Assert.EndsWith($".{format}", file.Content.Headers.ContentDisposition.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
            var bytes = await file.Content.ReadAsByteArrayAsync();
            Assert.Equal(magic, bytes.Take(magic.Length));
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync($"/api/documents/{resume.Id}/pdf?template=no-such-design")).StatusCode);
    }
}
