namespace Jobsmith.Core.Skills;

/// <summary>The vocabulary of job titles: abbreviations people write, and the words that signal seniority.</summary>
internal static class TitleWords
{
    public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sr"] = "senior", ["snr"] = "senior", ["jr"] = "junior", ["jnr"] = "junior", ["mgr"] = "manager",
        ["eng"] = "engineer", ["engr"] = "engineer", ["dev"] = "developer", ["devs"] = "developers",
        ["swe"] = "software engineer", ["sde"] = "software development engineer", ["sre"] = "site reliability engineer",
        ["vp"] = "vice president", ["svp"] = "senior vice president", ["evp"] = "executive vice president",
        ["avp"] = "assistant vice president", ["ceo"] = "chief executive officer", ["cto"] = "chief technology officer",
        ["cfo"] = "chief financial officer", ["coo"] = "chief operating officer", ["cio"] = "chief information officer",
        ["cmo"] = "chief marketing officer", ["ciso"] = "chief information security officer",
        ["admin"] = "administrator", ["sysadmin"] = "system administrator", ["asst"] = "assistant",
        ["assoc"] = "associate", ["dir"] = "director", ["exec"] = "executive", ["rep"] = "representative",
        ["acct"] = "accountant", ["coord"] = "coordinator", ["spec"] = "specialist", ["mktg"] = "marketing",
        ["ops"] = "operations", ["sw"] = "software", ["hw"] = "hardware", ["ml"] = "machine learning",
        ["ai"] = "artificial intelligence", ["qa"] = "quality assurance", ["hr"] = "human resources",
        ["pm"] = "project manager", ["rn"] = "registered nurse", ["fe"] = "front end", ["be"] = "back end",
        ["frontend"] = "front end", ["backend"] = "back end", ["fullstack"] = "full stack",
    };

    /// <summary>Words that set a seniority level (the highest one in a title wins) and are not part of the role.</summary>
    public static readonly IReadOnlyDictionary<string, Seniority> Levels = new Dictionary<string, Seniority>(StringComparer.Ordinal)
    {
        ["intern"] = Seniority.Intern, ["internship"] = Seniority.Intern, ["trainee"] = Seniority.Intern,
        ["apprentice"] = Seniority.Intern, ["student"] = Seniority.Intern,
        ["junior"] = Seniority.Junior, ["entry"] = Seniority.Junior, ["graduate"] = Seniority.Junior,
        ["mid"] = Seniority.Mid, ["intermediate"] = Seniority.Mid,
        ["senior"] = Seniority.Senior, ["experienced"] = Seniority.Senior,
        ["lead"] = Seniority.Lead, ["staff"] = Seniority.Lead,
        ["principal"] = Seniority.Principal, ["distinguished"] = Seniority.Principal, ["fellow"] = Seniority.Principal,
        ["manager"] = Seniority.Manager, ["supervisor"] = Seniority.Manager,
        ["director"] = Seniority.Director, ["head"] = Seniority.Director,
        ["vice"] = Seniority.Executive, ["president"] = Seniority.Executive, ["chief"] = Seniority.Executive,
        ["founder"] = Seniority.Executive, ["cofounder"] = Seniority.Executive, ["executive"] = Seniority.Executive,
    };

    /// <summary>Words that only qualify seniority ("entry level", "mid-level") and are dropped with it.</summary>
    public static readonly IReadOnlySet<string> LevelFillers = new HashSet<string>(StringComparer.Ordinal) { "level", "of" };

    /// <summary>Level numerals after a role: "Engineer II". Used only when no level word is present.</summary>
    public static readonly IReadOnlyDictionary<string, Seniority> Numerals = new Dictionary<string, Seniority>(StringComparer.Ordinal)
    {
        ["i"] = Seniority.Junior, ["1"] = Seniority.Junior, ["ii"] = Seniority.Mid, ["2"] = Seniority.Mid,
        ["iii"] = Seniority.Senior, ["3"] = Seniority.Senior, ["iv"] = Seniority.Lead, ["4"] = Seniority.Lead,
        ["v"] = Seniority.Principal, ["5"] = Seniority.Principal,
    };

    /// <summary>"Manager" is a role, not a rank, after these words: a Product Manager manages no people.</summary>
    public static readonly IReadOnlySet<string> RoleManagers = new HashSet<string>(StringComparer.Ordinal)
    {
        "product", "project", "program", "programme", "account", "accounts", "case", "community", "social", "media",
        "content", "brand", "marketing", "release", "delivery", "property", "office", "relationship", "success",
    };

    /// <summary>Whether a level word is part of the role here: "Executive Assistant", "Head Chef", "Staff Nurse",
    /// "Lead Generation Specialist", "Student Advisor".</summary>
    public static bool IsRoleWord(string word, string? previous, string? next) => word switch
    {
        "executive" => next is "assistant" or "chef" or "secretary" or "producer" || previous is "account" or "sales",
        "head" => next is "chef" or "nurse" or "cook" or "coach" or "teller" or "waiter" or "gardener",
        "lead" => next is "generation" or "generator",
        "staff" => next is "nurse" or "accountant" or "pharmacist" or "writer",
        "student" => next is "counselor" or "advisor" or "adviser" or "services",
        _ => false,
    };
}
