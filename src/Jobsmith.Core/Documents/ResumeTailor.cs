namespace Jobsmith.Core.Documents;

/// <summary>
/// E1, deterministic engine: a resume built from the candidate's facts only. Skills the posting asks for lead the
/// skills section; each job keeps its bullets ordered by relevance to the posting (jobs that speak to the posting
/// keep more); projects and certifications appear only when relevant; education moves above experience when the
/// profile has no experience. Every line cites the facts it prints.
/// </summary>
public static class ResumeTailor
{
    public const int BulletsForRelevantJob = 5;
    public const int BulletsForOtherJob = 2;
    private static readonly string[] ContactKinds = ["email", "phone", "location"];

    public static DocumentDraft Tailor(FactSheet sheet, PostingTarget posting)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(posting);
        var lines = new List<DocumentLine>();
        var notes = new List<string>();

        if (sheet.First("name") is { } name) lines.Add(new("Header", name.Value, [name.Id]));
        var contacts = ContactKinds.Select(sheet.First).OfType<Profiles.Store.ProfileFact>().Concat(sheet.All("link")).ToList();
        if (contacts.Count > 0) lines.Add(new("Header", string.Join(" | ", contacts.Select(c => c.Value)), [.. contacts.Select(c => c.Id)]));
        if (sheet.First("headline") is { } headline) lines.Add(new("Summary", headline.Value, [headline.Id]));
        if (sheet.First("summary") is { } summary) lines.Add(new("Summary", summary.Value, [summary.Id]));

        var skills = sheet.All("skill").ToList();
        var wanted = skills.Where(s => posting.Skills.Contains(s.Value, StringComparer.OrdinalIgnoreCase)
                                       || PostingTarget.SkillsIn(s.Value).Any(k => posting.Skills.Contains(k, StringComparer.OrdinalIgnoreCase)))
            .OrderBy(s => IndexIn(posting.Skills, s.Value)).ToList();
        var others = skills.Except(wanted).ToList();
        if (wanted.Count > 0) lines.Add(new("Skills", "Relevant: " + string.Join(", ", wanted.Select(s => s.Value)), [.. wanted.Select(s => s.Id)]));
        if (others.Count > 0) lines.Add(new("Skills", (wanted.Count > 0 ? "Also: " : "") + string.Join(", ", others.Select(s => s.Value)), [.. others.Select(s => s.Id)]));
        notes.Add(wanted.Count > 0
            ? $"Skills: {wanted.Count} of the posting's skills listed first, in the order the posting names them."
            : "Skills: none of the posting's skills are in the profile, so skills keep the profile's order.");

        var experience = new List<DocumentLine>();
        foreach (var job in sheet.Jobs)
        {
            var header = string.Join(" · ", new[] { FactSheet.RoleText(job), job.Location?.Value, FactSheet.Period(job.Start, job.End) }.Where(v => !string.IsNullOrWhiteSpace(v)));
            if (header.Length == 0 && job.Bullets.Count == 0) continue;
            var ranked = job.Bullets.Select((b, i) => (Bullet: b, Score: posting.Relevance(b.Value), Order: i))
                .OrderByDescending(b => b.Score).ThenBy(b => b.Order).ToList();
            var relevant = ranked.Any(b => b.Score > 0) || posting.Relevance(job.Title?.Value ?? "") > 0;
            var keep = relevant ? BulletsForRelevantJob : BulletsForOtherJob;
            if (header.Length > 0) experience.Add(new("Experience", header, [.. job.Header.Select(f => f.Id)]));
            experience.AddRange(ranked.Take(keep).Select(b => new DocumentLine("Experience", "• " + b.Bullet.Value, [b.Bullet.Id])));
            if (ranked.Count > keep) notes.Add($"{FactSheet.RoleText(job)}: kept the {keep} bullets most relevant to the posting, dropped {ranked.Count - keep}.");
            else if (ranked.Count > 1 && ranked.Select(b => b.Order).Where((o, i) => o != i).Any()) notes.Add($"{FactSheet.RoleText(job)}: bullets reordered by relevance to the posting.");
        }

        var education = new List<DocumentLine>();
        foreach (var school in sheet.Schools)
        {
            var degree = string.Join(" in ", new[] { school.Degree?.Value, school.Field?.Value }.Where(v => !string.IsNullOrWhiteSpace(v)));
            var text = string.Join(" · ", new[] { degree, school.Institution?.Value, FactSheet.Period(school.Start, school.End) }.Where(v => !string.IsNullOrWhiteSpace(v)));
            if (text.Length > 0) education.Add(new("Education", text, [.. school.All.Select(f => f.Id)]));
        }

        if (experience.Count == 0 && education.Count > 0)
        {
            lines.AddRange(education);
            notes.Add("Education placed before experience: the profile lists no experience.");
        }
        else
        {
            lines.AddRange(experience);
            lines.AddRange(education);
        }

        foreach (var kind in new[] { "project", "certification" })
        {
            var section = kind == "project" ? "Projects" : "Certifications";
            var ranked = sheet.All(kind).Select(f => (Fact: f, Score: posting.Relevance(f.Value))).ToList();
            var shown = ranked.Where(r => r.Score > 0 || kind == "certification").OrderByDescending(r => r.Score).Take(4).ToList();
            lines.AddRange(shown.Select(r => new DocumentLine(section, "• " + r.Fact.Value, [r.Fact.Id])));
            if (ranked.Count > shown.Count) notes.Add($"{section}: left out {ranked.Count - shown.Count} that do not touch the posting.");
        }
        if (sheet.All("language").ToList() is { Count: > 0 } languages)
            lines.Add(new("Languages", string.Join(", ", languages.Select(l => l.Value)), [.. languages.Select(l => l.Id)]));
        return new DocumentDraft(DocumentKinds.Resume, lines, notes);
    }

    public static Coverage CoverageOf(IReadOnlyList<DocumentLine> lines, PostingTarget posting)
    {
        var text = string.Join('\n', lines.Select(l => l.Text));
        var present = PostingTarget.SkillsIn(text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Coverage([.. posting.Skills.Where(present.Contains)], [.. posting.Skills.Where(s => !present.Contains(s))]);
    }

    private static int IndexIn(IReadOnlyList<string> skills, string value)
    {
        for (var i = 0; i < skills.Count; i++)
            if (skills[i].Equals(value, StringComparison.OrdinalIgnoreCase) || PostingTarget.SkillsIn(value).Contains(skills[i], StringComparer.OrdinalIgnoreCase)) return i;
        return int.MaxValue;
    }
}
