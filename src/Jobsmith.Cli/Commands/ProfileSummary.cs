using System.Text;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Cli.Commands;

/// <summary>The human-readable form of `profile parse` (without --json): a short overview a person can check.</summary>
internal static class ProfileSummary
{
    public static string Describe(ParsedResume resume)
    {
        var text = new StringBuilder();
        text.AppendLine($"Name:        {resume.Contact.Name?.Value ?? "(not found)"}");
        text.AppendLine($"Email:       {resume.Contact.Email?.Value ?? "(not found)"}");
        text.AppendLine($"Experience:  {resume.Experience.Count} entries, {resume.TotalYearsOfExperience:0.#} years");
        foreach (var job in resume.Experience.Take(5))
            text.AppendLine($"  - {job.Title?.Value ?? "?"} at {job.Company?.Value ?? "?"}");
        text.AppendLine($"Education:   {resume.Education.Count} entries");
        text.AppendLine($"Skills:      {string.Join(", ", resume.Skills.Take(15).Select(s => s.Canonical ?? s.Name.Value))}");
        text.Append($"Complete:    {resume.Completeness.Score}/100");
        if (resume.Completeness.Missing.Count > 0)
            text.Append($" (missing: {string.Join(", ", resume.Completeness.Missing)})");
        return text.ToString();
    }
}
