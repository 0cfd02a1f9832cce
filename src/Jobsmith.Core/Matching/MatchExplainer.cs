using Jobsmith.Core.Jobs;

namespace Jobsmith.Core.Matching;

/// <summary>Turns one posting's features into the plain-words reasons of a <see cref="MatchResult"/>.</summary>
internal static class MatchExplainer
{
    private const int ListedSkills = 8;

    public static MatchResult Explain(PostingIndex index, MatchProfile profile, MatchQuery query, int position, float score)
    {
        var posting = index[position];
        var facts = index.Facts(position);
        var features = query.Features(position);
        var matched = facts.Skills.Where(profile.Skills.Contains).ToArray();
        var missing = facts.Skills.Where(s => !profile.Skills.Contains(s)).ToArray();
        var pros = new List<string>();
        var cons = new List<string>();

        if (matched.Length > 0) pros.Add($"You have {matched.Length} of the {facts.Skills.Count} skills it mentions: {List(matched)}");
        if (missing.Length > 0) cons.Add($"Skills it mentions that your profile lacks: {List(missing)}");

        var titleFit = features.Title switch
        {
            >= 1f => $"\"{facts.Role}\" is the same occupation as your past titles",
            >= 0.6f => $"\"{facts.Role}\" is a closely related occupation",
            >= 0.3f => $"\"{facts.Role}\" is in the same occupational family",
            _ => $"\"{facts.Role}\" differs from your past titles",
        };
        (features.Title >= 0.6f ? pros : cons).Add(titleFit);

        var seniorityFit = profile.Level < 0 || facts.Level < 0
            ? $"level not comparable (posting: {Levels.Name(facts.Level)}, you: {Levels.Name(profile.Level)})"
            : facts.Level == profile.Level ? $"{Levels.Name(facts.Level)}, your level"
            : facts.Level > profile.Level ? $"{Levels.Name(facts.Level)}, above your {Levels.Name(profile.Level)} level"
            : $"{Levels.Name(facts.Level)}, below your {Levels.Name(profile.Level)} level";
        if (profile.Level >= 0 && facts.Level >= 0) (facts.Level == profile.Level ? pros : cons).Add($"Seniority: {seniorityFit}");

        var place = posting.Remote == RemoteType.Remote ? "remote" : posting.Locations.Count > 0 ? string.Join(", ", posting.Locations) : "location not stated";
        var locationFit = features.Location >= 1 ? $"{place}: fits your locations" : features.Location <= 0.25f ? $"{place}: outside your preferred locations" : place;
        if (features.Location >= 1) pros.Add($"Location: {locationFit}");

        var salaryFit = SalaryFit(query.Preferences, posting, facts);
        if (facts.AnnualSalaryMax is null) cons.Add("Pay is not stated");
        else if (features.Salary >= 0.7f && query.Preferences.SalaryFloor is not null) pros.Add($"Pay: {salaryFit}");

        if (query.Preferences.NeedsVisaSponsorship && facts.Sponsorship == SponsorshipStance.Offered) pros.Add("Mentions visa sponsorship");
        if (query.Preferences.NeedsVisaSponsorship && facts.Sponsorship == SponsorshipStance.Unknown) cons.Add("Does not say whether it sponsors visas");

        return new MatchResult(posting, (int)Math.Round(Math.Clamp(score, 0, 100)), features, matched, missing,
            seniorityFit, titleFit, locationFit, salaryFit, pros, cons);
    }

    private static string SalaryFit(MatchPreferences preferences, JobPosting posting, PostingFacts facts)
    {
        if (facts.AnnualSalaryMax is not { } max) return "pay not stated";
        var range = facts.AnnualSalaryMin is { } min && min < max ? $"{min:N0}-{max:N0}" : $"{max:N0}";
        var stated = $"{range} {posting.Salary?.Currency} a year";
        if (!preferences.SalaryComparable(posting.Salary)) return stated;
        return max >= (double)preferences.SalaryFloor!.Value ? $"{stated}, reaches your floor of {preferences.SalaryFloor:N0}" : $"{stated}, below your floor";
    }

    private static string List(string[] skills) =>
        skills.Length <= ListedSkills ? string.Join(", ", skills) : string.Join(", ", skills.Take(ListedSkills)) + $" and {skills.Length - ListedSkills} more";
}
