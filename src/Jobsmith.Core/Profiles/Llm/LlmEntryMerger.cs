using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Llm;

/// <summary>
/// Jobs and degrees from the model, matched to the rule-based entries by where their values sit in the text:
/// a model job whose title or employer lies inside a rule-based entry's span is that entry and only fills its
/// empty fields; any other located job becomes a new entry spanning its located values.
/// </summary>
internal static class LlmEntryMerger
{
    public static List<ExperienceEntry> MergeJobs(IReadOnlyList<ExperienceEntry> entries, IReadOnlyList<LlmJob> jobs, TextLocator locate)
    {
        var result = entries.ToList();
        foreach (var job in jobs)
        {
            // A title often recurs (headline, several jobs): take the one next to the employer.
            var company = locate.Find(job.Company);
            var title = locate.Find(job.Title, Near(company));
            var at = result.FindIndex(e => InHeader(title, e) || InHeader(company, e) || SameText(e.Company, company));
            if (at >= 0)
            {
                var e = result[at];
                result[at] = e with
                {
                    Title = e.Title ?? locate.Find(job.Title, e.Source),
                    Company = e.Company ?? locate.Find(job.Company, e.Source),
                    Location = e.Location ?? locate.Find(job.Location, e.Source),
                };
                continue;
            }
            if (title is null && company is null) continue;
            var location = locate.Find(job.Location, title?.Source ?? company?.Source);
            var start = locate.Find(job.Start);
            var end = locate.Find(job.End);
            var bullets = job.Bullets.Select(b => locate.Find(b)).OfType<SourcedText>().ToList();
            var facts = new[] { title, company, location, start, end }.OfType<SourcedText>().Concat(bullets).ToList();
            var endDate = end is null ? null : DateRangeParser.FindSingle(end.Value)?.End;
            result.Add(new ExperienceEntry(title, company, location, start is null ? null : DateRangeParser.FindSingle(start.Value)?.End,
                endDate, end is not null && endDate is null, bullets, Cover(facts)));
        }
        return [.. result.OrderBy(e => e.Source.Start)];
    }

    public static List<EducationEntry> MergeEducation(IReadOnlyList<EducationEntry> entries, IReadOnlyList<LlmEducation> degrees, TextLocator locate)
    {
        var result = entries.ToList();
        foreach (var degree in degrees)
        {
            var institution = locate.Find(degree.Institution);
            var name = locate.Find(degree.Degree, Near(institution));
            var at = result.FindIndex(e => Inside(name, e.Source) || Inside(institution, e.Source) || SameText(e.Institution, institution));
            if (at >= 0)
            {
                var e = result[at];
                result[at] = e with
                {
                    Degree = e.Degree ?? locate.Find(degree.Degree, e.Source),
                    Field = e.Field ?? locate.Find(degree.Field, e.Source),
                    Institution = e.Institution ?? locate.Find(degree.Institution, e.Source),
                };
                continue;
            }
            if (name is null && institution is null) continue;
            var field = locate.Find(degree.Field, name?.Source ?? institution?.Source);
            var start = locate.Find(degree.Start);
            var end = locate.Find(degree.End);
            var facts = new[] { name, field, institution, start, end }.OfType<SourcedText>().ToList();
            result.Add(new EducationEntry(name, field, institution, start is null ? null : DateRangeParser.FindSingle(start.Value)?.End,
                end is null ? null : DateRangeParser.FindSingle(end.Value)?.End, Cover(facts)) { Period = end });
        }
        return [.. result.OrderBy(e => e.Source.Start)];
    }

    private const int NearChars = 300;

    private static SourceSpan? Near(SourcedText? fact) => fact is null ? null
        : new SourceSpan(fact.Source.FirstLine, fact.Source.LastLine, Math.Max(0, fact.Source.Start - NearChars), fact.Source.End + NearChars);

    // A job named in another job's bullet ("also mentored at the Code Club") is not that job.
    private static bool InHeader(SourcedText? fact, ExperienceEntry entry) =>
        Inside(fact, entry.Source) && !entry.Bullets.Any(b => Inside(fact, b.Source));

    private static bool Inside(SourcedText? fact, SourceSpan span) =>
        fact is not null && fact.Source.Start >= span.Start && fact.Source.End <= span.End;

    private static bool SameText(SourcedText? a, SourcedText? b) =>
        a is not null && b is not null && string.Equals(a.Value, b.Value, StringComparison.OrdinalIgnoreCase);

    private static SourceSpan Cover(List<SourcedText> facts) =>
        facts.Select(f => f.Source).Aggregate(SourceSpan.Cover);
}
