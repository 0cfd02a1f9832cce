using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>Rule-based resume analysis (no AI): sections, contact, jobs, education, skills, completeness.</summary>
public sealed class ResumeAnalyzer(TimeProvider timeProvider)
{
    public ParsedResume Analyze(ExtractedText text)
    {
        var sections = SectionDetector.Detect(text);
        var contact = ContactExtractor.Extract(text, sections);
        var experience = sections.Where(s => s.Kind == ResumeSectionKind.Experience).SelectMany(ExperienceExtractor.Extract).ToList();
        var education = sections.Where(s => s.Kind == ResumeSectionKind.Education).SelectMany(EducationExtractor.Extract)
            .Concat(sections.Where(s => s.Kind is ResumeSectionKind.Header or ResumeSectionKind.Summary or ResumeSectionKind.Other or ResumeSectionKind.Certifications)
                .SelectMany(EducationExtractor.Extract).Where(e => e.Degree is not null)).ToList();
        var resume = new ParsedResume(text, contact, sections.Select(s => s.Section).ToList(), experience, education,
            SkillNormalizer.Normalize(text, SkillPhraseExtractor.Extract(text, sections)))
        {
            Headline = HeadlineFinder.Find(sections, contact),
            Summary = HeadlineFinder.Summary(sections),
            TotalYearsOfExperience = ExperienceYears.Total(experience, timeProvider.GetUtcNow()),
        };
        return resume with { Completeness = CompletenessScorer.Score(resume), Mentions = MentionFinder.Find(sections, resume) };
    }
}
