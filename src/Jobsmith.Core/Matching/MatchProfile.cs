using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Matching;

/// <summary>
/// The candidate as the matcher sees it. <see cref="Skills"/> are canonical catalogue names: the profile's
/// own canonical skills, plus catalogue skills found in its skill phrases and its whole text (a parsed resume
/// leaves Canonical empty until the catalogue runs). Matched and missing skills in explanations are judged
/// against exactly this set.
/// </summary>
public sealed record MatchProfile(IReadOnlySet<string> Skills, IReadOnlyList<string> Titles, int Level, string Text)
{
    /// <summary>Occupation codes of <see cref="Titles"/> (O*NET), for title fit.</summary>
    public IReadOnlyList<string> OccupationCodes { get; init; } = [];

    /// <summary>The query vector, when the caller computed it in the index's space (see <see cref="PostingIndex.QueryVectorAsync"/>).</summary>
    public float[]? Vector { get; init; }

    public static MatchProfile FromResume(ParsedResume resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        var skills = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var skill in resume.Skills)
        {
            if (!string.IsNullOrWhiteSpace(skill.Canonical)) skills.Add(skill.Canonical);
            else skills.UnionWith(SkillExtractor.Default.Extract(skill.Name.Value).Select(m => m.Canonical));
        }
        skills.UnionWith(SkillExtractor.Default.Extract(resume.Text.Text).Select(m => m.Canonical));
        var titles = new List<string>();
        if (resume.Headline?.Value is { Length: > 0 and < 120 } headline) titles.Add(headline);
        titles.AddRange(resume.Experience.Select(e => e.Title?.Value).OfType<string>().Where(t => t.Length is > 0 and < 120).Take(4));
        return FromParts(skills, titles, resume.TotalYearsOfExperience, resume.Text.Text);
    }

    /// <summary>A profile from plain parts (API callers, tests, the benchmark).</summary>
    public static MatchProfile FromParts(IEnumerable<string> canonicalSkills, IReadOnlyList<string> titles, double yearsOfExperience, string text)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var normalized = titles.Select(TitleNormalizer.Normalize).ToArray();
        // The most recent title that states a level wins; years of experience are the fallback.
        var level = normalized.Select(n => Levels.Of(n.Seniority)).FirstOrDefault(l => l != Levels.Unknown, Levels.Unknown);
        if (level == Levels.Unknown) level = Levels.FromYears(yearsOfExperience);
        return new MatchProfile(new SortedSet<string>(canonicalSkills, StringComparer.Ordinal), titles, level, text)
        {
            OccupationCodes = normalized.Select(n => n.OccupationCode).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>BM25 query: title words and skill words weigh 2, the first words of the text 0.5, capped to the terms that matter most.</summary>
    internal Dictionary<string, float> LexicalQuery(Bm25Index index, int maxTerms = 40)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var t in Titles.SelectMany(MatchText.Tokens)) weights[t] = Math.Max(weights.GetValueOrDefault(t), 2f);
        foreach (var t in Skills.SelectMany(MatchText.Tokens)) weights[t] = Math.Max(weights.GetValueOrDefault(t), 2f);
        foreach (var t in MatchText.Tokens(Text.Truncate(3000))) weights.TryAdd(t, 0.5f);
        return weights.Select(p => (p.Key, p.Value, Rank: p.Value * index.Idf(p.Key)))
            .Where(p => p.Rank > 0).OrderByDescending(p => p.Rank).Take(maxTerms)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
