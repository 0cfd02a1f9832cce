using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jobsmith.Core.Documents;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jobsmith.Web.Tests.Documents;

/// <summary>
/// Double submits with real parallel requests (R1): drafting, preparing and editing at once never answer 500; every
/// request either succeeds or is told 409, and stored versions stay distinct.
/// </summary>
public sealed partial class DocumentConcurrencyTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_create_and_edit_requests_all_succeed_with_distinct_versions(string provider)
    {
        await using var app = await JobsWebFactory.CreateAsync(provider);
        var (candidate, posting) = await DocumentScenario.MatchedCandidateAsync(app);

        var creates = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await candidate.PostAsJsonAsync("/api/documents", new { postingId = posting });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(creates, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{r.StatusCode}: {r.Body}"));
        var listed = (await candidate.GetFromJsonAsync<List<DocumentView>>($"/api/documents?postingId={posting}", DocumentScenario.Json))!;
        var made = creates.Count(r => r.StatusCode == HttpStatusCode.Created);
        foreach (var kind in DocumentKinds.All)
            Assert.Equal(Enumerable.Range(1, made), listed.Where(d => d.Kind == kind).Select(d => d.Version).Order());

        var resume = listed.Where(d => d.Kind == DocumentKinds.Resume).MaxBy(d => d.Version)!;
        var edits = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            var lines = resume.Lines.Select(l => l.Text).ToList();
            lines[^1] += $" ({i})";
            using var response = await candidate.PostAsJsonAsync($"/api/documents/{resume.Id}/edits", new { lines });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(edits, r => Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.StatusCode}: {r.Body}"));
        var after = (await candidate.GetFromJsonAsync<List<DocumentView>>($"/api/documents?postingId={posting}", DocumentScenario.Json))!;
        Assert.Equal(Enumerable.Range(1, made + 4), after.Where(d => d.Kind == DocumentKinds.Resume).Select(d => d.Version).Order());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prepare_application_clicked_four_times_at_once_opens_one_set_of_drafts(string provider)
    {
        await using var app = await JobsWebFactory.CreateAsync(provider);
        var (candidate, posting) = await DocumentScenario.MatchedCandidateAsync(app);
        // Redirects are read, not followed, so each click's answer is seen as the browser would get it.
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = candidate.DefaultRequestHeaders.Authorization;
        var page = await browser.GetStringAsync($"/matches?view=all&id={posting}");
        var token = TokenField().Match(page).Groups[1].Value;
        Assert.Contains("action=\"/documents/prepare\"", page, StringComparison.Ordinal);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var form = new FormUrlEncodedContent([new("postingId", posting.ToString()), new("__RequestVerificationToken", token)]);
            using var response = await browser.PostAsync("/documents/prepare", form);
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString);
        }));

        Assert.All(clicks, c => Assert.Equal((HttpStatusCode.Redirect, $"/documents/{posting}?kind=resume"), (c.StatusCode, c.Location)));
        var listed = (await candidate.GetFromJsonAsync<List<DocumentView>>($"/api/documents?postingId={posting}", DocumentScenario.Json))!;
        Assert.Equal(DocumentKinds.All.Order(), listed.Select(d => d.Kind).Order());
        Assert.All(listed, d => Assert.Equal(1, d.Version));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
