namespace Jobsmith.Core.Documents.Answers;

/// <summary>What shape a stored answer has: yes/no answers are kept as "Yes" or "No", the rest as the candidate typed them.</summary>
public enum AnswerShape { YesNo, Text, Link }

/// <summary>
/// One entry of the answer bank (E4). <see cref="Sensitive"/> entries (work authorisation, sponsorship, salary,
/// demographics) are answered only with what the candidate stored; without it the question goes back to the candidate.
/// </summary>
public sealed record AnswerKey(string Key, string Label, AnswerShape Shape, bool Sensitive);

/// <summary>The answer bank's keys, and the keys a classified question can carry that are not stored in the bank.</summary>
public static class AnswerKeys
{
    public const string WorkAuthorization = "work_authorization";
    public const string Sponsorship = "sponsorship";
    public const string SalaryExpectation = "salary_expectation";
    public const string NoticePeriod = "notice_period";
    public const string StartDate = "start_date";
    public const string Relocation = "relocation";
    public const string OnSite = "on_site";
    public const string Travel = "travel";
    public const string BackgroundCheck = "background_check";
    public const string Over18 = "over_18";
    public const string HeardAbout = "heard_about";
    public const string LinkedIn = "linkedin";
    public const string GitHub = "github";
    public const string Website = "website";
    public const string Gender = "gender";
    public const string RaceEthnicity = "race_ethnicity";
    public const string VeteranStatus = "veteran_status";
    public const string DisabilityStatus = "disability_status";
    public const string SexualOrientation = "sexual_orientation";
    public const string Pronouns = "pronouns";

    /// <summary>Sensitive keys with no bank entry: a stored value would not fit every form, so these always escalate.</summary>
    public const string Demographic = "demographic";
    public const string Age = "age";
    public const string Religion = "religion";
    public const string CriminalRecord = "criminal_record";
    public const string Consent = "consent";

    public static readonly IReadOnlyList<AnswerKey> Bank =
    [
        new(WorkAuthorization, "Are you legally authorized to work in the country of this job?", AnswerShape.YesNo, Sensitive: true),
        new(Sponsorship, "Will you now or in the future require visa sponsorship?", AnswerShape.YesNo, Sensitive: true),
        new(SalaryExpectation, "What are your salary expectations?", AnswerShape.Text, Sensitive: true),
        new(NoticePeriod, "What is your notice period?", AnswerShape.Text, Sensitive: false),
        new(StartDate, "When can you start?", AnswerShape.Text, Sensitive: false),
        new(Relocation, "Are you willing to relocate?", AnswerShape.YesNo, Sensitive: false),
        new(OnSite, "Are you able to work on site or in the office?", AnswerShape.YesNo, Sensitive: false),
        new(Travel, "Are you willing to travel for work?", AnswerShape.YesNo, Sensitive: false),
        new(BackgroundCheck, "Are you willing to undergo a background check?", AnswerShape.YesNo, Sensitive: false),
        new(Over18, "Are you at least 18 years old?", AnswerShape.YesNo, Sensitive: false),
        new(HeardAbout, "How did you hear about this job?", AnswerShape.Text, Sensitive: false),
        new(LinkedIn, "LinkedIn profile", AnswerShape.Link, Sensitive: false),
        new(GitHub, "GitHub profile", AnswerShape.Link, Sensitive: false),
        new(Website, "Website or portfolio", AnswerShape.Link, Sensitive: false),
        new(Gender, "Gender (voluntary self-identification)", AnswerShape.Text, Sensitive: true),
        new(RaceEthnicity, "Race or ethnicity (voluntary self-identification)", AnswerShape.Text, Sensitive: true),
        new(VeteranStatus, "Veteran status (voluntary self-identification)", AnswerShape.Text, Sensitive: true),
        new(DisabilityStatus, "Disability status (voluntary self-identification)", AnswerShape.Text, Sensitive: true),
        new(SexualOrientation, "Sexual orientation (voluntary self-identification)", AnswerShape.Text, Sensitive: true),
        new(Pronouns, "Pronouns", AnswerShape.Text, Sensitive: true),
    ];

    public static AnswerKey? Find(string key) => Bank.FirstOrDefault(k => k.Key == key);

    public static bool IsSensitive(string key) =>
        Find(key)?.Sensitive ?? key is Demographic or Age or Religion or CriminalRecord or Consent;

    /// <summary>The evidence id under which a stored answer is cited, e.g. "bank.notice_period".</summary>
    public static string FactId(string key) => BankPrefix + key;

    public const string BankPrefix = "bank.";
}
