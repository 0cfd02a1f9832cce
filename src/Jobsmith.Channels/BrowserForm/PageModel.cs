namespace Jobsmith.Channels.BrowserForm;

/// <summary>One field as the page scan found it (a radio or checkbox group is one field); <see cref="Index"/> finds it again.</summary>
internal sealed record ScannedField(int Index, string Kind, string Label, string? Name, string? Id, string? AutomationId, bool Required,
    IReadOnlyList<string> Options, string Section, string? Value)
{
    public string Selector => $"[data-jobsmith-field=\"{Index}\"]";

    public string OptionSelector(int option) => $"[data-jobsmith-field=\"{Index}\"][data-jobsmith-option=\"{option}\"]";
}

internal static class FieldKinds
{
    public const string Text = "text";
    public const string Textarea = "textarea";
    public const string Select = "select";
    public const string Radio = "radio";
    public const string Checkbox = "checkbox";
    public const string CheckboxGroup = "checkbox_group";
    public const string Combobox = "combobox";
    public const string File = "file";

    public static bool TakesChoice(string kind) => kind is Select or Radio or Combobox or Checkbox or CheckboxGroup;
}

internal sealed record ScanResult(IReadOnlyList<ScannedField> Fields, bool InDialog);

internal sealed record PageButton(int Index, string Text, string Tag, bool Submits, string? Href)
{
    public string Selector => $"[data-jobsmith-button=\"{Index}\"]";
}

/// <summary>What the page shows between two actions.</summary>
internal sealed record PageState(string? Captcha, bool PasswordField, IReadOnlyList<PageButton> Buttons, IReadOnlyList<string> Errors, int Invalid,
    bool InDialog, string Title, string Text, string Url);
