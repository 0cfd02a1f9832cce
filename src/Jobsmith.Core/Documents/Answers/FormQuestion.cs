namespace Jobsmith.Core.Documents.Answers;

/// <summary>Where on a form a question sits; demographic and compliance sections are sensitive whatever the label says.</summary>
public static class FormSections
{
    public const string Questions = "questions";
    public const string Location = "location";
    public const string Compliance = "compliance";
    public const string Demographic = "demographic";
}

/// <summary>
/// One question of an application form, as a form filler reads it: the label shown, the field types it accepts
/// (Greenhouse: input_text, input_file, input_hidden, textarea, multi_value_single_select, multi_value_multi_select),
/// the options of a select, and the section it sits in.
/// </summary>
public sealed record FormQuestion(string Label, IReadOnlyList<string> FieldTypes, IReadOnlyList<string> Options, bool Required = false, string Section = FormSections.Questions)
{
    public static FormQuestion Text(string label) => new(label, ["input_text"], []);
    public static FormQuestion LongText(string label) => new(label, ["textarea"], []);
}

/// <summary>How a question gets its answer.</summary>
public enum QuestionCategory
{
    /// <summary>Read from the profile (name, email, phone, location, current employer or title).</summary>
    Profile,
    /// <summary>A standard question answered from the answer bank (notice period, start date, links, relocation…).</summary>
    Bank,
    /// <summary>Work authorisation, sponsorship, salary, demographics, consent: the stored choice or the candidate, never a guess.</summary>
    Sensitive,
    /// <summary>An open question composed from profile facts (why this company, a project, why you fit).</summary>
    FreeText,
    /// <summary>A file or pasted document: the tailored resume or the cover letter.</summary>
    Document,
    /// <summary>A hidden field the form fills itself (coordinates); nothing to answer.</summary>
    Hidden,
    /// <summary>A question Jobsmith cannot recognise; it goes to the candidate.</summary>
    Unknown,
}

/// <summary>A classified question: the category and, for all but Hidden and Unknown, the key (bank key, profile field or free-text intent).</summary>
public sealed record QuestionClass(QuestionCategory Category, string? Key);
