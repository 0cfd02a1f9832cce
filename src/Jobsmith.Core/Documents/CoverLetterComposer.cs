using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Documents;

/// <summary>
/// E2, deterministic engine: a letter addressing the posting's top requirements with the candidate's own evidence.
/// Sentences come from a few phrasings chosen by a seed from the posting, so two letters do not read as one frozen
/// template; each sentence cites the facts it names. Evidence is added by relevance until the letter reaches about
/// 250 words or the profile runs out; it never pads with claims the profile cannot back.
/// </summary>
public static class CoverLetterComposer
{
    public const int TargetWords = 250;
    public const int MaxWords = 300;

    private static readonly string[] Openers =
    [
        "I am writing to apply for the {title} role at {company}.",
        "Please consider my application for the {title} position at {company}.",
        "I would like to be considered for the {title} opening at {company}.",
    ];

    private static readonly string[] EvidenceLeads =
    [
        "As {role}, one piece of my work matches what you ask for: {bullet}",
        "In my time as {role}, this is the kind of work I did: {bullet}",
        "One example from my work as {role}: {bullet}",
    ];

    private static readonly string[] SkillLines =
    [
        "My experience covers {skills}, which your posting names among its requirements.",
        "Your posting asks for {skills}; these are part of my day-to-day experience.",
        "I bring hands-on experience with {skills}, all of which the role calls for.",
    ];

    public static DocumentDraft Compose(FactSheet sheet, PostingTarget posting, int seed)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(posting);
        var pick = (string[] options, int salt) => options[(int)((uint)(seed + salt * 7919) % (uint)options.Length)];
        var lines = new List<DocumentLine>();
        var notes = new List<string>();
        var company = posting.Company.Length > 0 ? posting.Company : "your company";
        lines.Add(new("Greeting", posting.Company.Length > 0 ? $"Dear {posting.Company} hiring team," : "Dear hiring team,", posting.Company.Length > 0 ? [FactSheet.PostingCompany] : []));
        lines.Add(new("Opening", pick(Openers, 1).Replace("{title}", posting.Title, StringComparison.Ordinal).Replace("{company}", company, StringComparison.Ordinal),
            posting.Company.Length > 0 ? [FactSheet.PostingTitle, FactSheet.PostingCompany] : [FactSheet.PostingTitle]));

        var skills = sheet.All("skill").Where(s => posting.Skills.Contains(s.Value, StringComparer.OrdinalIgnoreCase)).Take(4).ToList();
        if (skills.Count > 0)
        {
            lines.Add(new("Body", pick(SkillLines, 2).Replace("{skills}", Join(skills.Select(s => s.Value)), StringComparison.Ordinal), [.. skills.Select(s => s.Id)]));
            notes.Add($"Named {skills.Count} of the posting's skills that the profile lists.");
        }
        else notes.Add("The profile lists none of the posting's skills; the letter leans on experience instead.");

        var bullets = sheet.Jobs.SelectMany(j => j.Bullets.Select(b => (Job: j, Bullet: b, Score: posting.Relevance(b.Value))))
            .OrderByDescending(b => b.Score).ThenBy(b => b.Job.Index).ToList();
        var used = 0;
        foreach (var (job, bullet, score) in bullets)
        {
            if (Words(lines) >= TargetWords) break;
            var role = FactSheet.RoleText(job);
            var lead = pick(EvidenceLeads, 3 + used);
            var text = role.Length > 0 ? lead.Replace("{role}", role, StringComparison.Ordinal).Replace("{bullet}", Sentence(bullet.Value), StringComparison.Ordinal) : Sentence(bullet.Value);
            if (Words(lines) + text.Split(' ').Length > MaxWords - 25) break;
            lines.Add(new("Body", text, [.. new[] { job.Title, job.Company }.OfType<ProfileFact>().Select(f => f.Id).Append(bullet.Id)]));
            used++;
        }
        if (used > 0) notes.Add($"Cited {used} experience bullet(s), most relevant to the posting first.");

        if (sheet.Schools.FirstOrDefault(s => s.Degree is not null && s.Institution is not null) is { } school && Words(lines) < TargetWords)
            lines.Add(new("Body", $"My studies ({Join(new[] { school.Degree!.Value, school.Field?.Value }.OfType<string>())}, {school.Institution!.Value}) gave me the grounding I build on.",
                [.. new[] { school.Degree, school.Field, school.Institution }.OfType<ProfileFact>().Select(f => f.Id)]));

        lines.Add(new("Closing", $"I would welcome the chance to discuss how I can contribute to {company}. Thank you for your time and consideration.",
            posting.Company.Length > 0 ? [FactSheet.PostingCompany] : []));
        lines.Add(new("Signature", "Kind regards,", []));
        if (sheet.First("name") is { } name) lines.Add(new("Signature", name.Value, [name.Id]));
        var words = Words(lines);
        notes.Add(words < TargetWords ? $"{words} words: the profile holds too little relevant evidence for 250 without padding." : $"{words} words.");
        return new DocumentDraft(DocumentKinds.CoverLetter, lines, notes);
    }

    public static int Words(IEnumerable<DocumentLine> lines) => lines.Sum(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    private static string Sentence(string text)
    {
        var t = text.Trim().TrimStart('•', '-', '*', ' ');
        return t.Length > 0 && !".!?".Contains(t[^1], StringComparison.Ordinal) ? t + "." : t;
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
