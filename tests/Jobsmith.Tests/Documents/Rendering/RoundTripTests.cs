using Jobsmith.Core.Documents;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Tests.Documents.Rendering;

/// <summary>
/// E3: what we print, our own importer reads back. A profile parsed from a resume, tailored by the real engine,
/// rendered to PDF (Chromium) and DOCX (Open XML) in every template, then parsed again: the same name, contacts,
/// employers, titles, dates and skills.
/// </summary>
public sealed class RoundTripTests(RenderingFixture fixture) : IClassFixture<RenderingFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in new[] { "plain", "modern", "compact" })
            foreach (var format in new[] { "pdf", "docx" })
                data.Add(template, format);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task A_tailored_resume_reads_back_to_the_same_facts(string template, string format)
    {
        if (format == "pdf")
        {
            RenderingFixture.RequireChromium();
            RenderingFixture.RequirePoppler("pdftotext");
        }
        var (sheet, posting) = fixture.Inputs();
        var view = RenderingFixture.View(ResumeTailor.Tailor(sheet, posting));
        var file = format == "pdf"
            ? await fixture.Renderer.PdfAsync(view, template, CancellationToken.None)
            : await fixture.Renderer.DocxAsync(view, template, CancellationToken.None);
        await File.WriteAllBytesAsync(RenderingFixture.OutputPath($"roundtrip-{template}.{format}"), file.Content);

        var parsed = await fixture.Parser.ParseAsync(file.Content, file.FileName);
        var source = fixture.Source;
        Assert.Equal(source.Contact.Name?.Value, parsed.Contact.Name?.Value);
        Assert.Equal(source.Contact.Email?.Value, parsed.Contact.Email?.Value);
        Assert.Equal(source.Contact.Phone?.Value, parsed.Contact.Phone?.Value);
        Assert.Equal(source.Contact.Location?.Value, parsed.Contact.Location?.Value);
        Assert.Equal(source.Contact.Links.Select(l => l.Url.Value), parsed.Contact.Links.Select(l => l.Url.Value));
        Assert.Equal(Jobs(source), Jobs(parsed));
        Assert.Equal(Schools(source), Schools(parsed));
        Assert.Equal(source.Skills.Select(s => s.Name.Value).Order(), parsed.Skills.Select(s => s.Name.Value).Order());
        // The source resume has what a round trip needs to prove anything.
        Assert.Equal(2, source.Experience.Count);
        Assert.True(source.Skills.Count >= 5, string.Join(", ", source.Skills.Select(s => s.Name.Value)));
    }

    private static List<string> Jobs(ParsedResume resume) =>
        [.. resume.Experience.Select(e => $"{e.Title?.Value} @ {e.Company?.Value} {e.Start}..{(e.IsCurrent ? "Present" : e.End?.ToString())}")];

    private static List<string> Schools(ParsedResume resume) =>
        [.. resume.Education.Select(e => $"{e.Degree?.Value} | {e.Field?.Value} | {e.Institution?.Value} | {e.Start}..{e.End}")];
}
