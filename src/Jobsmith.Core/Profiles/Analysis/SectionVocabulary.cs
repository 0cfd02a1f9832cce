using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>Common English resume headings, gathered from resume-writing guides and the headings seen in real resumes.</summary>
internal static class SectionVocabulary
{
    private static readonly Dictionary<string, ResumeSectionKind> Exact = Build(
        (ResumeSectionKind.Summary, ["summary", "professional summary", "profile", "professional profile", "objective",
            "career objective", "objectives", "about me", "summary of qualifications", "career summary", "executive summary",
            "overview", "personal statement", "executive profile", "career profile", "qualifications summary", "introduction"]),
        (ResumeSectionKind.Experience, ["experience", "work experience", "professional experience", "employment history",
            "work history", "career history", "employment", "career experience", "job history", "relevant experience",
            "experience details", "internships", "internship", "professional background", "employment experience",
            "work experience details", "career experience job history", "professional history", "positions held"]),
        (ResumeSectionKind.Education, ["education", "academic qualifications", "educational qualifications", "academic background",
            "qualifications", "education and training", "academics", "academic details", "educational background",
            "academic qualification", "educational qualification", "education details", "academic profile", "scholastic profile",
            "education and certifications", "education training", "training and education"]),
        (ResumeSectionKind.Skills, ["skills", "technical skills", "key skills", "core competencies", "competencies",
            "areas of expertise", "expertise", "skill set", "skillset", "it skills", "technologies", "technical expertise",
            "computer skills", "software skills", "skills summary", "technical proficiency", "core skills", "professional skills",
            "skills and abilities", "technical skill set", "key competencies", "tools and technologies", "soft skills", "strengths"]),
        (ResumeSectionKind.Projects, ["projects", "academic projects", "key projects", "personal projects", "project details",
            "project experience", "project", "major projects", "selected projects"]),
        (ResumeSectionKind.Certifications, ["certifications", "certification", "certificates", "licenses", "licenses and certifications",
            "certifications and licenses", "courses", "trainings", "training", "professional development", "training and certifications"]),
        (ResumeSectionKind.Languages, ["languages", "language skills", "languages known", "language"]),
        (ResumeSectionKind.Other, ["awards", "achievements", "accomplishments", "interests", "hobbies", "references",
            "personal details", "additional information", "links", "publications", "volunteer", "volunteer experience",
            "activities", "declaration", "personal information", "honors", "honors and awards", "extracurricular activities",
            "selected accomplishments", "key achievements", "affiliations", "memberships", "personal profile", "hobbies and interests",
            "awards and achievements", "military service", "community service", "leadership",
            // Patents and talks are no jobs: without their own section their lines became bullets of the last job.
            "patents", "patents and publications", "publications and patents", "patents filed", "inventions", "talks",
            "conference talks", "presentations", "speaking", "open source", "open source contributions",
            "grants", "scholarships", "volunteering", "online profiles"]));

    // A short heading ending in one of these nouns ("Relevant Software Experience") still names the section.
    private static readonly (string Noun, ResumeSectionKind Kind)[] HeadNouns =
    [
        ("experience", ResumeSectionKind.Experience), ("history", ResumeSectionKind.Experience),
        ("education", ResumeSectionKind.Education), ("qualifications", ResumeSectionKind.Education),
        ("skills", ResumeSectionKind.Skills), ("competencies", ResumeSectionKind.Skills), ("expertise", ResumeSectionKind.Skills),
        ("projects", ResumeSectionKind.Projects), ("certifications", ResumeSectionKind.Certifications),
        ("summary", ResumeSectionKind.Summary), ("objective", ResumeSectionKind.Summary), ("profile", ResumeSectionKind.Summary),
        ("patents", ResumeSectionKind.Other), ("publications", ResumeSectionKind.Other), ("awards", ResumeSectionKind.Other),
    ];

    public static ResumeSectionKind? Classify(string normalized)
    {
        if (Exact.TryGetValue(normalized, out var kind)) return kind;
        var words = normalized.Split(' ');
        if (words.Length > 4) return null;
        foreach (var (noun, nounKind) in HeadNouns)
            if (words[^1] == noun) return nounKind;
        return null;
    }

    private static readonly Dictionary<string, ResumeSectionKind> Joined =
        Exact.GroupBy(e => e.Key.Replace(" ", "", StringComparison.Ordinal)).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>A heading whose letters were spaced apart, compared with its spaces removed ("workexperience").</summary>
    public static ResumeSectionKind? ClassifyJoined(string joined) => Joined.TryGetValue(joined, out var kind) ? kind : null;

    /// <summary>Headings vary in their filler words ("Skills and Abilities", "My Projects"); compare without them.</summary>
    public static string DropFillers(string normalized) =>
        string.Join(' ', normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("and" or "of" or "my" or "the")));

    private static Dictionary<string, ResumeSectionKind> Build(params (ResumeSectionKind Kind, string[] Names)[] groups)
    {
        var map = new Dictionary<string, ResumeSectionKind>(StringComparer.Ordinal);
        foreach (var (kind, names) in groups)
            foreach (var name in names) map[DropFillers(name)] = kind;
        return map;
    }
}
