namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>Maps the many spellings boards use ("FullTime", "full_time", "Full-time", "Vollzeit") to one enum.</summary>
public static class EmploymentTypes
{
    public static EmploymentType Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return EmploymentType.Unknown;
        var key = new string(value.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        return key switch
        {
            "fulltime" or "permanent" or "vollzeit" or "regular" or "ft" => EmploymentType.FullTime,
            "parttime" or "teilzeit" or "pt" => EmploymentType.PartTime,
            "contract" or "contractor" or "contracttohire" or "fixedterm" or "befristet" => EmploymentType.Contract,
            "temporary" or "temp" or "seasonal" => EmploymentType.Temporary,
            "intern" or "internship" or "praktikum" or "werkstudent" or "workingstudent" => EmploymentType.Internship,
            "freelance" or "freelancer" or "selfemployed" => EmploymentType.Freelance,
            _ => FromWords(key),
        };
    }

    private static EmploymentType FromWords(string key) =>
        key.Contains("fulltime", StringComparison.Ordinal) ? EmploymentType.FullTime
        : key.Contains("parttime", StringComparison.Ordinal) ? EmploymentType.PartTime
        : key.Contains("intern", StringComparison.Ordinal) ? EmploymentType.Internship
        : key.Contains("contract", StringComparison.Ordinal) ? EmploymentType.Contract
        : key.Contains("freelanc", StringComparison.Ordinal) ? EmploymentType.Freelance
        : key.Contains("temp", StringComparison.Ordinal) ? EmploymentType.Temporary
        : EmploymentType.Unknown;
}
