using System.Text.RegularExpressions;
using Jobsmith.Core.Documents.Answers;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>
/// Finds the fields of the page (or of its open modal) by label, name, aria attributes and placeholder, and turns
/// each into the <see cref="FormQuestion"/> the answerer reads. A custom dropdown lists its options only when open,
/// so it is opened once, read, and closed again.
/// </summary>
internal static partial class FieldScanner
{
    public static async Task<ScanResult> ScanAsync(IPage page, int start, TimeSpan actionTimeout)
    {
        var scan = await PageScripts.ScanAsync(page, start);
        var fields = new List<ScannedField>(scan.Fields.Count);
        foreach (var field in scan.Fields)
            fields.Add(field.Kind == FieldKinds.Combobox && field.Options.Count == 0 ? field with { Options = await ComboboxOptionsAsync(page, field, actionTimeout) } : field);
        return scan with { Fields = fields };
    }

    /// <summary>The question as the answerer reads it: Greenhouse's field types, the options a person could pick.</summary>
    public static FormQuestion Question(ScannedField field)
    {
        var types = field.Kind switch
        {
            FieldKinds.Textarea => "textarea",
            FieldKinds.File => "input_file",
            FieldKinds.Select or FieldKinds.Radio or FieldKinds.Combobox or FieldKinds.Checkbox => "multi_value_single_select",
            FieldKinds.CheckboxGroup => "multi_value_multi_select",
            _ => "input_text",
        };
        var section = field.Section switch
        {
            "demographic" => FormSections.Demographic,
            "compliance" => FormSections.Compliance,
            _ => FormSections.Questions,
        };
        return new FormQuestion(field.Label, [types], [.. RealOptions(field.Options)], field.Required, section);
    }

    /// <summary>The options a person could choose, without the placeholder a select shows first ("Select…", "--").</summary>
    public static IEnumerable<string> RealOptions(IReadOnlyList<string> options) => options.Where(o => !IsPlaceholder(o));

    public static bool IsPlaceholder(string option) => option.Trim().Length == 0 || Placeholder().IsMatch(option.Trim());

    private static async Task<IReadOnlyList<string>> ComboboxOptionsAsync(IPage page, ScannedField field, TimeSpan timeout)
    {
        var box = page.Locator(field.Selector);
        try
        {
            await box.ClickAsync(new LocatorClickOptions { Timeout = (float)timeout.TotalMilliseconds });
            var options = page.Locator("[role=option]:visible");
            await options.First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Math.Min(2000, timeout.TotalMilliseconds) });
            var texts = await options.AllInnerTextsAsync();
            return [.. texts.Select(t => Spaces().Replace(t, " ").Trim()).Where(t => t.Length > 0)];
        }
        catch (TimeoutException)
        {
            return [];
        }
        finally
        {
            await page.Keyboard.PressAsync("Escape");
        }
    }

    [GeneratedRegex(@"^(--+.*|select( an?)?( option| one)?\W*|choose( an?)?( option| one)?\W*|please (select|choose).*|pick one\W*|\.\.\.)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
