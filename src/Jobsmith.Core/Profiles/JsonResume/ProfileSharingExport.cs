using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.JsonResume;

public enum FieldSensitivity { Professional, Contact, Compensation, WorkAuthorization }

/// <summary>One exported fact, its sensitivity, and whether it may leave Jobsmith without the candidate's say-so.</summary>
public sealed record ExportedField(string Path, string Value, FieldSensitivity Sensitivity)
{
    /// <summary>Only professional facts may be shared externally by default; contact details, pay and work
    /// authorization go out only on an application the candidate approved.</summary>
    public bool ShareableExternally => Sensitivity == FieldSensitivity.Professional;
}

/// <summary>Answers the candidate gave in onboarding that no resume carries.</summary>
public sealed record CandidateDisclosures(string? SalaryExpectation, string? WorkAuthorization);

/// <summary>A flat, structured export of the profile with every field marked for sensitivity (B4).</summary>
public static class ProfileSharingExport
{
    public static IReadOnlyList<ExportedField> Export(ParsedResume resume, CandidateDisclosures? disclosures = null)
    {
        var fields = new List<ExportedField>();
        void Add(string path, string? value, FieldSensitivity sensitivity)
        {
            if (!string.IsNullOrWhiteSpace(value)) fields.Add(new ExportedField(path, value, sensitivity));
        }
        var c = resume.Contact;
        Add("name", c.Name?.Value, FieldSensitivity.Professional);
        Add("email", c.Email?.Value, FieldSensitivity.Contact);
        Add("phone", c.Phone?.Value, FieldSensitivity.Contact);
        Add("location", c.Location?.Value, FieldSensitivity.Contact);
        Add("address", c.Address?.Address, FieldSensitivity.Contact);
        for (var i = 0; i < c.Links.Count; i++) Add($"links[{i}]", c.Links[i].Url.Value, FieldSensitivity.Professional);
        Add("headline", resume.Headline?.Value, FieldSensitivity.Professional);
        Add("summary", resume.Summary?.Value, FieldSensitivity.Professional);
        for (var i = 0; i < resume.Experience.Count; i++)
        {
            var e = resume.Experience[i];
            Add($"experience[{i}].title", e.Title?.Value, FieldSensitivity.Professional);
            Add($"experience[{i}].company", e.Company?.Value, FieldSensitivity.Professional);
            Add($"experience[{i}].start", e.Start?.ToString(), FieldSensitivity.Professional);
            Add($"experience[{i}].end", e.IsCurrent ? "Present" : e.End?.ToString(), FieldSensitivity.Professional);
        }
        for (var i = 0; i < resume.Education.Count; i++)
        {
            Add($"education[{i}].degree", resume.Education[i].Degree?.Value, FieldSensitivity.Professional);
            Add($"education[{i}].institution", resume.Education[i].Institution?.Value, FieldSensitivity.Professional);
        }
        for (var i = 0; i < resume.Skills.Count; i++) Add($"skills[{i}]", resume.Skills[i].Name.Value, FieldSensitivity.Professional);
        Add("salaryExpectation", disclosures?.SalaryExpectation, FieldSensitivity.Compensation);
        Add("workAuthorization", disclosures?.WorkAuthorization, FieldSensitivity.WorkAuthorization);
        return fields;
    }

    public static IReadOnlyList<ExportedField> ForExternalSharing(IReadOnlyList<ExportedField> fields) =>
        fields.Where(f => f.ShareableExternally).ToList();
}
