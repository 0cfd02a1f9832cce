using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Documents;

/// <summary>
/// E4, deterministic engine: answers to the questions application forms ask most, from profile facts. Sensitive
/// questions (work authorisation, sponsorship, salary, demographics, disability, veteran status) are never
/// guessed: they are left empty and marked for the candidate. A question the profile cannot answer is left empty too.
/// </summary>
public static class FormAnswerComposer
{
    public const string NeedsCandidate = "Needs your answer";

    public static readonly IReadOnlyList<string> SensitiveQuestions =
    [
        "Are you legally authorized to work in the country of this job?",
        "Will you now or in the future require visa sponsorship?",
        "What are your salary expectations?",
        "Gender, race or ethnicity (voluntary self-identification)",
        "Disability status (voluntary self-identification)",
        "Veteran status (voluntary self-identification)",
    ];

    public static DocumentDraft Compose(FactSheet sheet, PostingTarget posting)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(posting);
        var lines = new List<DocumentLine>();
        void Fact(string question, ProfileFact? fact) => lines.Add(fact is null ? new(question, "", []) : new(question, fact.Value, [fact.Id]));

        Fact("Full name", sheet.First("name"));
        Fact("Email", sheet.First("email"));
        Fact("Phone", sheet.First("phone"));
        Fact("Current location", sheet.First("location"));
        Fact("LinkedIn profile", sheet.All("link").FirstOrDefault(l => l.Value.Contains("linkedin", StringComparison.OrdinalIgnoreCase)));
        Fact("Website or portfolio", sheet.All("link").FirstOrDefault(l => !l.Value.Contains("linkedin", StringComparison.OrdinalIgnoreCase)));
        var current = sheet.Jobs.Count > 0 ? sheet.Jobs[0] : null;
        Fact("Current or most recent employer", current?.Company);
        Fact("Current or most recent job title", current?.Title);

        var skills = sheet.All("skill").Where(s => posting.Skills.Contains(s.Value, StringComparer.OrdinalIgnoreCase)).Take(5).ToList();
        var best = sheet.Jobs.SelectMany(j => j.Bullets.Select(b => (Job: j, Bullet: b))).OrderByDescending(b => posting.Relevance(b.Bullet.Value)).FirstOrDefault();
        var fitParts = new List<(string Text, IReadOnlyList<string> Ids)>();
        if (skills.Count > 0) fitParts.Add(($"I have worked with {string.Join(", ", skills.Select(s => s.Value))}, which this role asks for.", [.. skills.Select(s => s.Id)]));
        if (best.Bullet is not null)
        {
            var role = FactSheet.RoleText(best.Job);
            fitParts.Add(((role.Length > 0 ? $"As {role}: " : "") + best.Bullet.Value.TrimStart('•', '-', ' '),
                [.. new[] { best.Job.Title, best.Job.Company }.OfType<ProfileFact>().Select(f => f.Id).Append(best.Bullet.Id)]));
        }
        lines.Add(new("Why are you a good fit for this role?", string.Join(" ", fitParts.Select(p => p.Text)), [.. fitParts.SelectMany(p => p.Ids).Distinct()]));
        var project = sheet.All("project").OrderByDescending(p => posting.Relevance(p.Value)).FirstOrDefault();
        lines.Add(project is not null
            ? new("Describe a relevant project", project.Value, [project.Id])
            : best.Bullet is not null ? new("Describe a relevant project", best.Bullet.Value.TrimStart('•', '-', ' '), [best.Bullet.Id]) : new("Describe a relevant project", "", []));

        lines.AddRange(SensitiveQuestions.Select(q => new DocumentLine(q, "", [])));
        var empty = lines.Count(l => l.Text.Length == 0);
        return new DocumentDraft(DocumentKinds.Answers, lines,
            [$"{lines.Count - empty} answers from profile facts; {empty} left for you, including {SensitiveQuestions.Count} sensitive questions that are never guessed."]);
    }
}
