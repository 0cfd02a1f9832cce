using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Documents;

/// <summary>
/// E4, deterministic engine: answers to an application form's questions. Each question is classified
/// (<see cref="QuestionClassifier"/>); profile questions are read from facts, standard questions from the answer bank,
/// open questions are composed from facts that each line cites. Sensitive questions (work authorisation, sponsorship,
/// salary, demographics, disability, veteran status, consent) are never guessed: the candidate's stored choice, or an
/// empty line marked for the candidate. So is every question the bank or the profile cannot answer.
/// </summary>
public static class FormAnswerComposer
{
    public const string NeedsCandidate = "Needs your answer";
    public const string SensitiveReason = "Sensitive: answered only with the choice you store in your answer bank.";
    public const string NotInBankReason = "Not in your answer bank yet.";
    public const string UnknownReason = "Jobsmith does not recognise this question.";
    public const string NoEvidenceReason = "Your profile holds nothing to answer this from.";

    /// <summary>The questions most forms ask, answered for every posting when no form's own questions are known.</summary>
    public static readonly IReadOnlyList<FormQuestion> StandardQuestions =
    [
        FormQuestion.Text("Full name"), FormQuestion.Text("Email"), FormQuestion.Text("Phone"), FormQuestion.Text("Current location"),
        FormQuestion.Text("Current or most recent employer"), FormQuestion.Text("Current or most recent job title"),
        .. AnswerKeys.Bank.Where(k => !k.Sensitive).Select(k => FormQuestion.Text(k.Label)),
        FormQuestion.LongText("Why do you want to work here?"),
        FormQuestion.LongText("Why are you a good fit for this role?"),
        FormQuestion.LongText("Describe a relevant project"),
        .. AnswerKeys.Bank.Where(k => k.Sensitive).Select(k => FormQuestion.Text(k.Label)),
    ];

    public static readonly IReadOnlyList<string> SensitiveQuestions = [.. AnswerKeys.Bank.Where(k => k.Sensitive).Select(k => k.Label)];

    public static DocumentDraft Compose(FactSheet sheet, PostingTarget posting) => Compose(sheet, posting, AnswerBank.Empty, StandardQuestions);

    public static DocumentDraft Compose(FactSheet sheet, PostingTarget posting, AnswerBank bank) => Compose(sheet, posting, bank, StandardQuestions);

    /// <summary>One line per question (hidden fields are skipped); the line's section is the question's label.</summary>
    public static DocumentDraft Compose(FactSheet sheet, PostingTarget posting, AnswerBank bank, IReadOnlyList<FormQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(questions);
        var lines = new List<DocumentLine>();
        var counts = new Dictionary<QuestionCategory, int>();
        foreach (var question in questions)
        {
            var kind = QuestionClassifier.Classify(question);
            counts[kind.Category] = counts.GetValueOrDefault(kind.Category) + 1;
            if (kind.Category == QuestionCategory.Hidden) continue;
            var line = kind.Category switch
            {
                QuestionCategory.Sensitive => FromBank(question, kind.Key!, bank, SensitiveReason),
                QuestionCategory.Bank => bank.Get(kind.Key!) is not null
                    ? FromBank(question, kind.Key!, bank, NotInBankReason)
                    : FromProfileLink(question, kind.Key!, sheet) ?? Escalate(question, NotInBankReason),
                QuestionCategory.Profile => FromProfile(question, kind.Key!, sheet),
                QuestionCategory.FreeText => Composed(question, kind.Key!, sheet, posting),
                QuestionCategory.Document => new DocumentLine(question.Label, kind.Key == QuestionClassifier.CoverLetter ? "Attached: the cover letter." : "Attached: the tailored resume.", []),
                _ => Escalate(question, UnknownReason),
            };
            lines.Add(line);
        }
        var open = lines.Count(l => l.NeedsCandidate is not null);
        var sensitive = counts.GetValueOrDefault(QuestionCategory.Sensitive);
        return new DocumentDraft(DocumentKinds.Answers, lines,
        [
            $"{lines.Count - open} of {lines.Count} questions answered from your profile and answer bank; {open} left for you.",
            $"{sensitive} sensitive question(s): answered only with your stored choice, never guessed.",
        ]);
    }

    private static DocumentLine Escalate(FormQuestion question, string reason) => new(question.Label, "", [], reason);

    private static DocumentLine FromBank(FormQuestion question, string key, AnswerBank bank, string missingReason) =>
        bank.Get(key) is { } value ? Chosen(question, value, [AnswerKeys.FactId(key)]) : Escalate(question, missingReason);

    // A select takes one of its own options: the stored answer itself, or the one option that starts with it as a word
    // ("Yes" picks "Yes, I am"); otherwise the candidate chooses.
    private static DocumentLine Chosen(FormQuestion question, string value, IReadOnlyList<string> ids)
    {
        if (question.Options.Count == 0) return new(question.Label, value, ids);
        var exact = question.Options.FirstOrDefault(o => o.Trim().Equals(value, StringComparison.OrdinalIgnoreCase));
        var prefixed = question.Options.Where(o => o.Trim().StartsWith(value, StringComparison.OrdinalIgnoreCase)
                                                   && (o.Trim().Length == value.Length || !char.IsLetterOrDigit(o.Trim()[value.Length]))).ToList();
        var option = exact ?? (prefixed.Count == 1 ? prefixed[0] : null);
        return option is not null ? new(question.Label, option.Trim(), ids) : Escalate(question, $"Your stored answer \"{value}\" matches none of the options.");
    }

    private static DocumentLine? FromProfileLink(FormQuestion question, string key, FactSheet sheet)
    {
        var links = sheet.All("link").ToList();
        var link = key switch
        {
            AnswerKeys.LinkedIn => links.FirstOrDefault(l => l.Value.Contains("linkedin", StringComparison.OrdinalIgnoreCase)),
            AnswerKeys.GitHub => links.FirstOrDefault(l => l.Value.Contains("github", StringComparison.OrdinalIgnoreCase)),
            AnswerKeys.Website => links.FirstOrDefault(l => !l.Value.Contains("linkedin", StringComparison.OrdinalIgnoreCase) && !l.Value.Contains("github", StringComparison.OrdinalIgnoreCase)),
            _ => null,
        };
        return link is null ? null : new DocumentLine(question.Label, link.Value, [link.Id]);
    }

    private static DocumentLine FromProfile(FormQuestion question, string key, FactSheet sheet)
    {
        var current = sheet.Jobs.FirstOrDefault(j => j.Company is not null || j.Title is not null);
        var fact = key switch
        {
            QuestionClassifier.FirstName or QuestionClassifier.LastName or QuestionClassifier.FullName => sheet.First("name"),
            QuestionClassifier.Email => sheet.First("email"),
            QuestionClassifier.Phone => sheet.First("phone"),
            QuestionClassifier.Location => sheet.First("location"),
            QuestionClassifier.CurrentCompany => current?.Company,
            QuestionClassifier.CurrentTitle => current?.Title,
            _ => null,
        };
        if (fact is null) return Escalate(question, NoEvidenceReason);
        var value = fact.Value.Trim();
        if (key is QuestionClassifier.FirstName or QuestionClassifier.LastName)
        {
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A one-word name cannot be split honestly into first and last.
            if (parts.Length < 2) return Escalate(question, NoEvidenceReason);
            value = key == QuestionClassifier.FirstName ? parts[0] : string.Join(' ', parts[1..]);
        }
        return Chosen(question, value, [fact.Id]);
    }

    private static DocumentLine Composed(FormQuestion question, string intent, FactSheet sheet, PostingTarget posting)
    {
        var skills = sheet.All("skill").Where(s => posting.Skills.Contains(s.Value, StringComparer.OrdinalIgnoreCase)).Take(5).ToList();
        var best = sheet.Jobs.SelectMany(j => j.Bullets.Where(b => FactSheet.IsStatement(b.Value)).Select(b => (Job: j, Bullet: b)))
            .OrderByDescending(b => posting.Relevance(b.Bullet.Value)).ThenBy(b => b.Job.Index).FirstOrDefault();
        var parts = new List<(string Text, IEnumerable<string> Ids)>();
        void AddSkills(string lead) { if (skills.Count > 0) parts.Add(($"{lead} {Join(skills.Select(s => s.Value))}, which this role asks for.", skills.Select(s => s.Id))); }
        void AddBullet()
        {
            if (best.Bullet is null) return;
            var role = FactSheet.RoleText(best.Job);
            parts.Add(((role.Length > 0 ? $"As {role}: " : "") + Clean(best.Bullet.Value),
                new[] { best.Job.Title, best.Job.Company }.OfType<ProfileFact>().Select(f => f.Id).Append(best.Bullet.Id)));
        }

        switch (intent)
        {
            case QuestionClassifier.WhyCompany:
                // Nothing is claimed about the employer: the reason given is the fit between the role and the candidate's own work.
                if (skills.Count == 0 && best.Bullet is null) break;
                var role = posting.Company.Length > 0 ? $"The {posting.Title} role at {posting.Company}" : $"The {posting.Title} role";
                parts.Add(($"{role} is close to the work I do best.", posting.Company.Length > 0 ? [FactSheet.PostingTitle, FactSheet.PostingCompany] : [FactSheet.PostingTitle]));
                AddSkills("I have worked with");
                AddBullet();
                break;
            case QuestionClassifier.Project:
                var project = sheet.All("project").OrderByDescending(p => posting.Relevance(p.Value)).FirstOrDefault();
                if (project is not null) parts.Add((Clean(project.Value), [project.Id]));
                else AddBullet();
                break;
            default:
                AddSkills("I have worked with");
                AddBullet();
                break;
        }
        return parts.Count == 0
            ? Escalate(question, NoEvidenceReason)
            : new DocumentLine(question.Label, string.Join(" ", parts.Select(p => p.Text)), [.. parts.SelectMany(p => p.Ids).Distinct()]);
    }

    private static string Clean(string text) => FactSheet.Clean(text);

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
