namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Head nouns of job titles and legal/organisational suffixes of employers: general English vocabulary
/// (cf. O*NET occupation titles), used to tell a title line from a company line.
/// </summary>
internal static class TitleVocabulary
{
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "engineer", "developer", "manager", "analyst", "consultant", "intern", "internship", "assistant", "director",
        "lead", "architect", "administrator", "specialist", "officer", "executive", "designer", "associate",
        "coordinator", "trainee", "head", "president", "programmer", "tester", "representative", "advisor", "adviser",
        "supervisor", "accountant", "teacher", "professor", "lecturer", "nurse", "technician", "scientist", "researcher",
        "owner", "founder", "co-founder", "ceo", "cto", "cfo", "coo", "vp", "clerk", "agent", "editor", "writer",
        "instructor", "tutor", "trainer", "auditor", "planner", "strategist", "recruiter", "buyer", "cashier", "chef",
        "operator", "controller", "member", "partner", "principal", "fellow", "volunteer", "marketer", "advertiser",
        "attorney", "lawyer", "paralegal", "pharmacist", "therapist", "physician", "secretary", "receptionist",
        "salesman", "salesperson", "technologist", "admin", "dba", "sde", "qa", "devops", "sre", "mentor",
        "superintendent", "foreman", "mechanic", "electrician", "driver", "counselor", "counsellor", "librarian",
        "photographer", "artist", "producer", "journalist", "economist", "statistician", "surveyor", "inspector",
        "estimator", "expert", "evangelist", "owner", "apprentice", "worker", "aide", "crew", "staff", "employee",
        "chairman", "chair", "dean", "captain", "officer", "guard", "steward", "host", "hostess", "waiter", "bartender",
    };

    private static readonly HashSet<string> CompanyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ltd", "ltd.", "limited", "inc", "inc.", "llc", "llp", "plc", "pvt", "pvt.", "corp", "corp.", "corporation",
        "company", "co.", "gmbh", "ag", "s.a.", "bv", "technologies", "technology", "solutions", "services", "systems",
        "software", "consulting", "consultancy", "group", "bank", "agency", "labs", "infotech", "enterprises",
        "industries", "international", "holdings", "partners", "associates", "networks", "communications", "media",
        "hospital", "clinic", "foundation", "university", "college", "institute", "school", "academy", "department",
        "ministry", "council", "government", "studio", "studios", "global", "infosys", "tcs", "wipro", "accenture",
        "cognizant", "capgemini", "ibm", "oracle", "microsoft", "google", "amazon", "deloitte",
    };

    public static bool IsTitleWord(string word) => Contains(TitleWords, word);

    public static bool HasTitleWord(string text) => Words(text).Any(w => Contains(TitleWords, w));

    public static bool HasCompanyWord(string text) => Words(text).Any(w => Contains(CompanyWords, w));

    /// <summary>Job titles end in their head noun: "Software Developer", "Director of Sales" (head before "of").</summary>
    public static bool EndsLikeTitle(string text)
    {
        var words = Words(text).ToList();
        var of = words.IndexOf("of");
        var head = of > 0 ? words[of - 1] : words.LastOrDefault();
        return head is not null && Contains(TitleWords, head);
    }

    /// <summary>A title by its head noun, or one the title catalogue (O*NET titles) recognises: "Copywriter", "Roustabout".</summary>
    public static bool IsKnownTitle(string text) =>
        EndsLikeTitle(text) || LineText.WordCount(text) <= MaxCatalogueTitleWords
            && Skills.TitleNormalizer.Normalize(text).Confidence >= Skills.TitleNormalizer.MinimumConfidence;

    private const int MaxCatalogueTitleWords = 6;

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '/', ',', '(', ')', '-', '&', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ':', ';', '\'', '"', '’').ToLowerInvariant())
            .Where(w => w.Length > 0);

    // Plurals and possessives still name the same thing ("Engineers", "Manager's").
    private static bool Contains(HashSet<string> set, string word)
    {
        var w = word.Trim('.', ',', ':', ';', '\'', '"').ToLowerInvariant();
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)) w = w[..^2];
        return set.Contains(w) || w.Length > 3 && w.EndsWith('s') && set.Contains(w[..^1]);
    }
}
