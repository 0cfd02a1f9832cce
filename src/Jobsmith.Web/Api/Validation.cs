namespace Jobsmith.Web.Api;

/// <summary>Collects field errors into the shape of a 400 ValidationProblem.</summary>
internal sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public Validation Required(string field, string? value, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{field} is required.");
        else if (value.Length > maxLength) Add(field, $"{field} must be at most {maxLength} characters.");
        return this;
    }

    public Validation Email(string field, string? value)
    {
        Required(field, value, 256);
        if (!string.IsNullOrWhiteSpace(value) && !System.Net.Mail.MailAddress.TryCreate(value.Trim(), out _))
            Add(field, "Enter a valid email address.");
        return this;
    }

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
