using System.Text.RegularExpressions;

namespace Jobsmith.Core.Documents.Answers;

/// <summary>
/// E4: maps a form question to what answers it, by ordered rules over the label, the field types and the section
/// (deterministic: the same question always gets the same class). Sensitive rules run before everything else, so a
/// label that mentions salary, visa, authorisation or a protected characteristic can never fall into a category that
/// composes text; a question in a demographic or compliance section is sensitive whatever its label.
/// </summary>
public static partial class QuestionClassifier
{
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string FullName = "full_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Location = "location";
    public const string CurrentCompany = "current_company";
    public const string CurrentTitle = "current_title";
    public const string Resume = "resume";
    public const string CoverLetter = "cover_letter";
    public const string WhyCompany = "why_company";
    public const string Project = "project";
    public const string Fit = "fit";

    private static readonly (Regex Pattern, string Key)[] SensitiveRules =
    [
        (Rx(@"\bconsent|\bgdpr\b|privacy (policy|notice)|processing of (my|your) (personal )?data"), AnswerKeys.Consent),
        (Rx(@"\bgender\b|\bsex\b"), AnswerKeys.Gender),
        (Rx(@"\brace\b|\bethnic|\bhispanic|\blatin[oax]"), AnswerKeys.RaceEthnicity),
        (Rx(@"\bveteran|\bmilitary (service|status)|armed forces|protected veteran"), AnswerKeys.VeteranStatus),
        (Rx(@"\bdisabilit|\bdisabled\b|\bimpairment|\baccommodation"), AnswerKeys.DisabilityStatus),
        (Rx(@"sexual orientation|\blgbt"), AnswerKeys.SexualOrientation),
        (Rx(@"\bpronoun"), AnswerKeys.Pronouns),
        (Rx(@"\breligio"), AnswerKeys.Religion),
        (Rx(@"\bconvict|\bfelony|\bcriminal"), AnswerKeys.CriminalRecord),
        (Rx(@"\bsalary|\bcompensation|\b(desired|expected|target) (pay|rate)|\bpay (expectation|range|requirement)|\bhourly rate|\bday rate|\bremuneration"), AnswerKeys.SalaryExpectation),
        (Rx(@"\bsponsor|\bvisa\b|\bh-?1b\b|\bimmigration"), AnswerKeys.Sponsorship),
        (Rx(@"\bauthori[sz](ed|ation) to work|\bwork (authori[sz]ation|permit)|\bright to work|\beligib(le|ility) to work|\blegally (able|allowed|permitted|entitled) to work|\bcitizen"), AnswerKeys.WorkAuthorization),
        // "Are you over 18" is a standard yes/no; any other question about age or birth date is not.
        (Rx(@"\bdate of birth|\bbirth ?date|\bhow old\b|\byour age\b|^age\b"), AnswerKeys.Age),
    ];

    private static readonly (Regex Pattern, QuestionCategory Category, string Key)[] Rules =
    [
        (Rx(@"^(resume|cv|résumé)\b|\b(upload|attach) (your )?(resume|cv)"), QuestionCategory.Document, Resume),
        (Rx(@"^cover letter\b|\b(upload|attach) (a |your )?cover letter"), QuestionCategory.Document, CoverLetter),
        (Rx(@"^(first|given) name\b|^preferred (first )?name\b"), QuestionCategory.Profile, FirstName),
        (Rx(@"^(last|family) name\b|^surname\b"), QuestionCategory.Profile, LastName),
        (Rx(@"^(full |legal )?name\b"), QuestionCategory.Profile, FullName),
        (Rx(@"\be-?mail\b"), QuestionCategory.Profile, Email),
        (Rx(@"\bphone\b|\bmobile\b|\btelephone\b"), QuestionCategory.Profile, Phone),
        (Rx(@"\blinked ?in\b"), QuestionCategory.Bank, AnswerKeys.LinkedIn),
        (Rx(@"\bgit ?hub\b"), QuestionCategory.Bank, AnswerKeys.GitHub),
        (Rx(@"\bwebsite\b|\bportfolio\b|\bpersonal (site|page|url)|\bblog\b"), QuestionCategory.Bank, AnswerKeys.Website),
        (Rx(@"\bnotice period\b|\bweeks'? notice|\bhow much notice"), QuestionCategory.Bank, AnswerKeys.NoticePeriod),
        (Rx(@"\bstart date\b|\bwhen (can|could|would) you start|\bearliest (possible )?(start|date)|\bavailab(le|ility) to start|\bdate (you are )?available"), QuestionCategory.Bank, AnswerKeys.StartDate),
        (Rx(@"\brelocat"), QuestionCategory.Bank, AnswerKeys.Relocation),
        (Rx(@"\bon-?site\b|\bin[- ]office\b|\bin the office\b|\bhybrid\b|\bcommut"), QuestionCategory.Bank, AnswerKeys.OnSite),
        (Rx(@"\btravel\b"), QuestionCategory.Bank, AnswerKeys.Travel),
        (Rx(@"\bbackground (check|screening)|\bdrug (test|screen)"), QuestionCategory.Bank, AnswerKeys.BackgroundCheck),
        (Rx(@"\b(18|eighteen) (years|or older)|\bover (18|eighteen)\b|\bage of majority"), QuestionCategory.Bank, AnswerKeys.Over18),
        (Rx(@"\bhow did you (hear|find|learn)|\bwhere did you (hear|find|see)|\breferred\b|\breferral\b|\bsource of application"), QuestionCategory.Bank, AnswerKeys.HeardAbout),
        (Rx(@"\bcurrent (or (most )?recent )?(company|employer)|\b(most )?recent employer|\bwhere do you (currently )?work"), QuestionCategory.Profile, CurrentCompany),
        (Rx(@"\bcurrent (or (most )?recent )?(job )?(title|role|position)|\b(most )?recent (job )?title"), QuestionCategory.Profile, CurrentTitle),
        (Rx(@"^(current )?(location|city|address)\b|\bwhere are you (currently )?(based|located)|\bcity of residence"), QuestionCategory.Profile, Location),
        (Rx(@"\bwhy (do you want to|would you like to|are you interested in|are you excited|you want to|this|us\b|join|work)|\bwhat (interests|excites|attracts|draws) you|\binterest(ed)? in (this|our|the) (role|company|position|team)"), QuestionCategory.FreeText, WhyCompany),
        (Rx(@"\b(describe|tell us about|share|walk us through) (a|one|the|your) (recent |relevant |favorite |favourite |technical |challenging |significant )?(project|accomplishment|achievement)|\bproud of|\bproject you"), QuestionCategory.FreeText, Project),
        (Rx(@"\bwhy (are you|would you be) (a )?(good|great|strong) fit|\brelevant experience\b|\btell us about yourself|\babout you\b|\bwhat makes you|\bwhy should we|\bdescribe your (experience|background)|\bsummar(y|ize) of your (experience|background)"), QuestionCategory.FreeText, Fit),
    ];

    public static QuestionClass Classify(FormQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var label = Clean(question.Label);
        if (question.Section is FormSections.Demographic or FormSections.Compliance)
            return new(QuestionCategory.Sensitive, SensitiveKey(label) ?? AnswerKeys.Demographic);
        if (question.FieldTypes.Count > 0 && question.FieldTypes.All(t => t == "input_hidden")) return new(QuestionCategory.Hidden, null);
        if (SensitiveKey(label) is { } sensitive) return new(QuestionCategory.Sensitive, sensitive);
        foreach (var (pattern, category, key) in Rules)
            if (pattern.IsMatch(label))
                return new(category, key);
        if (question.Section == FormSections.Location) return new(QuestionCategory.Profile, Location);
        if (question.FieldTypes.Contains("input_file")) return new(QuestionCategory.Document, Resume);
        return new(QuestionCategory.Unknown, null);
    }

    public static QuestionClass Classify(string label) => Classify(FormQuestion.Text(label));

    private static string? SensitiveKey(string label)
    {
        foreach (var (pattern, key) in SensitiveRules)
            if (pattern.IsMatch(label))
                // "Over 18" is asked as a yes/no, not as the candidate's age.
                return key == AnswerKeys.Age && Rules.Any(r => r.Key == AnswerKeys.Over18 && r.Pattern.IsMatch(label)) ? null : key;
        return null;
    }

    // Field names such as "veteran_status" read as words; whitespace runs collapse; an asterisk marks "required".
    private static string Clean(string label) => Spaces().Replace(label.Replace('_', ' ').Replace("*", "", StringComparison.Ordinal), " ").Trim();

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
