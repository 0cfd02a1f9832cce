using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Store;

/// <summary>Flattens a parsed resume into reviewable facts, each pointing at the version and the lines it came from.</summary>
internal sealed class FactExtractor(ParsedResume resume, Guid versionId, int versionNumber)
{
    private readonly List<ProfileFact> _facts = [];

    public static List<ProfileFact> Extract(ParsedResume resume, Guid versionId, int versionNumber)
    {
        var x = new FactExtractor(resume, versionId, versionNumber);
        var c = resume.Contact;
        x.Add("name", null, c.Name);
        x.Add("email", null, c.Email);
        x.Add("phone", null, c.Phone);
        x.Add("location", null, c.Location);
        foreach (var link in c.Links) x.Add("link", null, link.Url);
        x.Add("headline", null, resume.Headline);
        x.Add("summary", null, resume.Summary);
        for (var i = 0; i < resume.Experience.Count; i++)
        {
            var e = resume.Experience[i];
            x.Add("experience.title", i, e.Title);
            x.Add("experience.company", i, e.Company);
            x.Add("experience.location", i, e.Location);
            var period = e.Period?.Source ?? e.Source;
            x.Add("experience.start", i, e.Start?.ToString(), period);
            x.Add("experience.end", i, e.IsCurrent ? "Present" : e.End?.ToString(), period);
            foreach (var bullet in e.Bullets) x.Add("experience.bullet", i, bullet);
        }
        for (var i = 0; i < resume.Education.Count; i++)
        {
            var e = resume.Education[i];
            x.Add("education.degree", i, e.Degree);
            x.Add("education.field", i, e.Field);
            x.Add("education.institution", i, e.Institution);
            var period = e.Period?.Source ?? e.Source;
            x.Add("education.start", i, e.Start?.ToString(), period);
            x.Add("education.end", i, e.End?.ToString(), period);
        }
        foreach (var skill in resume.Skills) x.Add("skill", null, skill.Name);
        foreach (var p in resume.Projects) x.Add("project", null, p.Name);
        foreach (var cert in resume.Certifications) x.Add("certification", null, cert.Name);
        foreach (var l in resume.Languages) x.Add("language", null, l.Language);
        return x._facts;
    }

    private void Add(string kind, int? entry, SourcedText? text)
    {
        if (text is not null) Add(kind, entry, text.Value, text.Source);
    }

    private void Add(string kind, int? entry, string? value, SourceSpan span)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        _facts.Add(new ProfileFact($"v{versionNumber}-{_facts.Count + 1}", kind, entry, value)
        {
            ParsedValue = value,
            Source = FactSources.Parsed,
            VersionId = versionId,
            Span = span,
            SourceText = LinesOf(span),
        });
    }

    private string? LinesOf(SourceSpan span)
    {
        var lines = resume.Text.Lines;
        if (span.FirstLine < 1 || span.FirstLine > lines.Count) return null;
        var last = Math.Min(lines.Count, Math.Max(span.FirstLine, span.LastLine));
        var text = string.Join("\n", lines.Skip(span.FirstLine - 1).Take(last - span.FirstLine + 1).Select(l => l.Text));
        return text.Truncate(401, ellipsis: true);
    }
}
