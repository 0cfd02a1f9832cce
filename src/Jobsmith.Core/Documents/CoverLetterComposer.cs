using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Documents;

/// <summary>
/// E2, deterministic engine: a letter addressing the posting's top requirements with the candidate's own evidence.
/// Greeting, opening, paragraph leads, closing and sign-off each come from a few phrasings picked by a seed (from the
/// candidate and the posting), so letters do not read as one frozen template. Paragraphs take the candidate's jobs
/// most relevant to the posting first, one or two substantial bullets each; a paragraph says the work matches the
/// posting only when it shares the posting's skills or words. Evidence is added until the letter reaches about 250
/// words or the profile runs out; it never pads with claims the profile cannot back, and never passes 300 words.
/// </summary>
public static partial class CoverLetterComposer
{
    public const int TargetWords = 250;
    public const int MaxWords = 300;
    public const int MaxBulletsPerParagraph = 3;

    // A paragraph claims to match the posting only on a shared skill or two shared words, not on one common word.
    public const int MatchingScore = 2;

    private static readonly string[] Greetings = ["Dear {company} hiring team,", "Dear {company} team,", "Hello {company} team,"];

    private static readonly string[] Openers =
    [
        "I am writing to apply for the {title} role at {company}.",
        "Please consider my application for the {title} position at {company}.",
        "I would like to be considered for the {title} opening at {company}.",
        "I am applying for the {title} role at {company}.",
    ];

    private static readonly string[] SkillLines =
    [
        "My experience covers {skills}, which your posting names among its requirements.",
        "Your posting asks for {skills}, which I have worked with directly.",
        "I bring hands-on experience with {skills}, which the role calls for.",
        "Among the things you ask for, I have worked with {skills}.",
    ];

    // Used only when a paragraph's evidence shares skills or words with the posting.
    private static readonly string[] MatchingLeads =
    [
        "As {role}, I did work close to what this role describes.",
        "My time as {role} is the closest match to what you are looking for.",
        "In my role as {role}, my work spoke to the same needs.",
    ];

    private static readonly string[] PlainLeads =
    [
        "As {role}, my work included the following.",
        "I also bring my experience as {role}.",
        "My time as {role} adds to this.",
    ];

    private static readonly string[] EducationLines =
    [
        "My studies ({degree} at {school}) gave me the grounding I build on.",
        "I studied at {school} ({degree}), which gave me a solid foundation.",
    ];

    private static readonly string[] Closings =
    [
        "I would welcome the chance to discuss how I can contribute to {company}. Thank you for your time and consideration.",
        "Thank you for considering my application; I would be glad to talk about how my experience could help {company}.",
        "I would be happy to discuss the role and my experience in more detail. Thank you for your time.",
    ];

    private static readonly string[] SignOffs = ["Kind regards,", "Best regards,", "Sincerely,"];

    public static DocumentDraft Compose(FactSheet sheet, PostingTarget posting, int seed)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(posting);
        string Pick(string[] options, int salt) => options[(int)((uint)(seed ^ (salt * 7919)) % (uint)options.Length)];
        var hasCompany = posting.Company.Length > 0;
        var company = hasCompany ? posting.Company : "your company";
        string[] companyIds = hasCompany ? [FactSheet.PostingCompany] : [];
        var titleIsNoun = TitleNoun().IsMatch(posting.Title);
        string Fill(string text) => TitlePlaceholder().Replace(text.Replace("{company}", company, StringComparison.Ordinal),
            m => titleIsNoun || m.Groups[1].Length == 0 ? posting.Title : posting.Title + m.Groups[1].Value);
        var notes = new List<string>();

        var head = new List<DocumentLine>
        {
            new("Greeting", hasCompany ? Fill(Pick(Greetings, 1)) : "Dear hiring team,", companyIds),
        };
        var opening = Fill(Pick(Openers, 2));
        var openingIds = new List<string> { FactSheet.PostingTitle };
        openingIds.AddRange(companyIds);
        var skills = sheet.All("skill").Where(s => posting.Skills.Contains(s.Value, StringComparer.OrdinalIgnoreCase))
            .OrderBy(s => IndexOf(posting.Skills, s.Value)).Take(4).ToList();
        if (skills.Count > 0)
        {
            var line = Pick(SkillLines, 3).Replace("{skills}", Join(skills.Select(s => s.Value)), StringComparison.Ordinal);
            opening += " " + char.ToUpperInvariant(line[0]) + line[1..];
            openingIds.AddRange(skills.Select(s => s.Id));
            notes.Add($"Named {skills.Count} of the posting's skills that the profile lists, in the posting's order.");
        }
        else notes.Add("The profile lists none of the posting's skills; the letter leans on experience instead.");
        head.Add(new("Opening", opening, openingIds));

        var tail = new List<DocumentLine> { new("Closing", Fill(Pick(Closings, 4)), Pick(Closings, 4).Contains("{company}", StringComparison.Ordinal) ? companyIds : []) };
        tail.Add(new("Signature", Pick(SignOffs, 5), []));
        if (sheet.First("name") is { } name) tail.Add(new("Signature", name.Value, [name.Id]));

        var body = new List<DocumentLine>();
        int Total() => Words(head) + Words(body) + Words(tail);
        // The candidate's own summary, when it reads as prose, introduces the evidence in their words.
        if (sheet.First("summary") is { } summary && FactSheet.IsStatement(summary.Value) && Count(summary.Value) <= 90)
        {
            body.Add(new("Body", Sentence(summary.Value), [summary.Id]));
            notes.Add("Opened the evidence with the profile's own summary.");
        }
        var paragraphs = 0;
        foreach (var (job, bullets) in Evidence(sheet, posting))
        {
            if (Total() >= TargetWords) break;
            var role = Role(job);
            var matching = bullets[0].Score >= MatchingScore;
            var lead = (matching ? Pick(MatchingLeads, 10 + paragraphs) : Pick(PlainLeads, 20 + paragraphs)).Replace("{role}", role, StringComparison.Ordinal);
            var jobIds = new[] { job.Title, job.Company }.OfType<ProfileFact>().Select(f => f.Id).ToList();
            // As many bullets as fit, up to three; a paragraph that would pass the word cap is left out.
            for (var take = Math.Min(MaxBulletsPerParagraph, bullets.Count); take > 0; take--)
            {
                var used = bullets.Take(take).ToList();
                var text = lead + " " + string.Join(" ", used.Select(b => Sentence(b.Bullet.Value)));
                if (Total() + Count(text) > MaxWords) continue;
                body.Add(new("Body", text, [.. jobIds, .. used.Select(b => b.Bullet.Id)]));
                paragraphs++;
                break;
            }
        }
        if (paragraphs > 0) notes.Add($"Cited {paragraphs} of the candidate's jobs, the most relevant to the posting first, with their most relevant bullets.");

        if (sheet.Schools.FirstOrDefault(s => s.Degree is not null && s.Institution is not null) is { } school && Total() < TargetWords)
        {
            var degree = string.Join(" in ", new[] { school.Degree!.Value, school.Field?.Value }.OfType<string>());
            var text = Pick(EducationLines, 6).Replace("{degree}", degree, StringComparison.Ordinal).Replace("{school}", school.Institution!.Value, StringComparison.Ordinal);
            if (Total() + Count(text) <= MaxWords)
                body.Add(new("Body", text, [.. new[] { school.Degree, school.Field, school.Institution }.OfType<ProfileFact>().Select(f => f.Id)]));
        }

        var lines = head.Concat(body).Concat(tail).ToList();
        var words = Words(lines);
        notes.Add(words < TargetWords ? $"{words} words: the profile holds too little substantial evidence for 250 without padding." : $"{words} words.");
        return new DocumentDraft(DocumentKinds.CoverLetter, lines, notes);
    }

    public static int Words(IEnumerable<DocumentLine> lines) => lines.Sum(l => Count(l.Text));

    private static int Count(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Jobs with their substantial bullets, most relevant first; jobs without one are left out.</summary>
    private static List<(FactSheet.Entry Job, List<(ProfileFact Bullet, int Score)> Bullets)> Evidence(FactSheet sheet, PostingTarget posting) =>
        // A title with a colon is a fragment the parser mistook for a title ("Authors: …"), not a role to name.
        [.. sheet.Jobs.Where(j => Role(j).Length > 0 && j.Title?.Value.Contains(':', StringComparison.Ordinal) != true)
            .Select(j => (Job: j, Bullets: j.Bullets.Where(b => FactSheet.IsStatement(b.Value)).Select(b => (Bullet: b, Score: posting.Relevance(b.Value)))
                .OrderByDescending(b => b.Score).ToList()))
            .Where(j => j.Bullets.Count > 0)
            .OrderByDescending(j => j.Bullets[0].Score).ThenBy(j => j.Job.Index)];

    private static string Role(FactSheet.Entry job) =>
        job.Title is not null && job.Company is not null ? $"{job.Title.Value} at {job.Company.Value}" : job.Title?.Value ?? job.Company?.Value ?? "";

    private static string Sentence(string text)
    {
        var t = FactSheet.Clean(text);
        return t.Length > 0 && !".!?".Contains(t[^1], StringComparison.Ordinal) ? t + "." : t;
    }

    // "the {title} role" for a title that already ends in "Role" would read "Role role".
    [System.Text.RegularExpressions.GeneratedRegex(@"\{title\}( (?:role|position|opening))?")]
    private static partial System.Text.RegularExpressions.Regex TitlePlaceholder();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:role|position|opening)\W*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TitleNoun();

    private static int IndexOf(IReadOnlyList<string> skills, string value)
    {
        for (var i = 0; i < skills.Count; i++)
            if (skills[i].Equals(value, StringComparison.OrdinalIgnoreCase)) return i;
        return int.MaxValue;
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
