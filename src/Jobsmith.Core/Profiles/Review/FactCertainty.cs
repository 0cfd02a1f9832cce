using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Profiles.Review;

/// <summary>How sure the analysis is of a fact (0 to 1), and why not when it is unsure.</summary>
public sealed record Certainty(double Score, string? Doubt)
{
    /// <summary>Below this a fact is flagged "check this" in the review.</summary>
    public const double Unsure = 0.6;

    public bool NeedsCheck => Score < Unsure;
}

/// <summary>
/// Rates each parsed fact by what can be checked about it without the candidate: a valid address, a catalogue skill,
/// a title that ends like one, a bullet long enough to say something. The review shows the least certain first.
/// </summary>
public static class FactCertainty
{
    public static Certainty Of(ProfileFact fact)
    {
        if (fact.Source == FactSources.Edited || fact.Reviewed) return new(1, null);
        var value = fact.Value.Trim();
        return fact.Kind switch
        {
            "email" => System.Net.Mail.MailAddress.TryCreate(value, out _) ? new(0.95, null) : new(0.3, "Does not look like an email address."),
            "phone" => value.Count(char.IsDigit) is >= 8 and <= 15 ? new(0.9, null) : new(0.4, "Does not look like a phone number."),
            "link" => Uri.TryCreate(value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? value : "https://" + value, UriKind.Absolute, out _)
                ? new(0.9, null) : new(0.4, "Does not look like a web address."),
            "name" => NameRules.LooksLikeName(value) ? new(0.85, null) : new(0.45, "Does not look like a person's name."),
            "skill" => Skill(value),
            "experience.title" => TitleVocabulary.EndsLikeTitle(value) ? new(0.85, null) : new(0.5, "Does not end like a job title."),
            "experience.company" => TitleVocabulary.HasTitleWord(value) && !TitleVocabulary.HasCompanyWord(value)
                ? new(0.45, "Reads like a job title rather than an employer.") : new(0.75, null),
            "experience.bullet" => Bullet(value),
            "education.institution" => TitleVocabulary.HasCompanyWord(value) ? new(0.85, null) : new(0.6, null),
            "experience.start" or "experience.end" or "education.start" or "education.end" => new(0.9, null),
            "headline" or "summary" => new(0.65, null),
            _ => new(0.7, null),
        };
    }

    private static Certainty Skill(string value)
    {
        if (SkillsCatalogue.Default.FindListed(value) is not null) return new(0.9, null);
        return LineText.WordCount(value) > 3 ? new(0.35, "Long for a skill, and not in the skills catalogue.") : new(0.5, "Not in the skills catalogue.");
    }

    private static Certainty Bullet(string value)
    {
        var words = LineText.WordCount(value);
        if (words < 3) return new(0.35, "Very short for an achievement.");
        if (char.IsLower(value[0])) return new(0.5, "Starts mid-sentence: it may belong to the line above.");
        return new(0.8, null);
    }
}
