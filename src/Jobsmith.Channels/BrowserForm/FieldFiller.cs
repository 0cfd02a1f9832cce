using System.Text.RegularExpressions;
using Jobsmith.Core.Applications.Submission;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>A field the filler could not fill as asked (no matching option, the site refused the value).</summary>
internal sealed class FieldFillException(string message) : Exception(message);

/// <summary>
/// Puts one answer into one field the way a person would: typing fires the input events that front-end frameworks
/// listen to (a React-style controlled input ignores a value set without them), options are picked by their visible
/// text, custom dropdowns are opened and their option clicked, files go through the file chooser's input.
/// </summary>
internal static partial class FieldFiller
{
    /// <summary>Fills the field and returns what it now holds, as the audit shows it.</summary>
    public static async Task<string> FillAsync(IPage page, ScannedField field, FieldAnswer answer, TimeSpan timeout)
    {
        var ms = (float)timeout.TotalMilliseconds;
        var locator = page.Locator(field.Selector).First;
        switch (field.Kind)
        {
            case FieldKinds.File:
                var file = answer.File ?? throw new FieldFillException($"No file to upload for \"{field.Label}\".");
                await locator.SetInputFilesAsync(new FilePayload { Name = file.FileName, MimeType = file.ContentType, Buffer = file.Content }, new() { Timeout = ms });
                return file.FileName;
            case FieldKinds.Select:
            {
                var (index, option) = Option(field, answer);
                await locator.SelectOptionAsync(new[] { new SelectOptionValue { Index = index } }, new() { Timeout = ms });
                return option;
            }
            case FieldKinds.Radio:
            {
                var (index, option) = Option(field, answer);
                await CheckAsync(page.Locator(field.OptionSelector(index)), true, ms);
                return option;
            }
            case FieldKinds.Checkbox:
            {
                var yes = IsYes(answer);
                await CheckAsync(locator, yes, ms);
                return yes ? "checked" : "unchecked";
            }
            case FieldKinds.CheckboxGroup:
            {
                var chosen = new List<string>();
                foreach (var choice in Choices(answer))
                {
                    var index = IndexOf(field.Options, choice);
                    if (index < 0) throw new FieldFillException($"\"{choice}\" is not an option of \"{field.Label}\".");
                    await CheckAsync(page.Locator(field.OptionSelector(index)), true, ms);
                    chosen.Add(field.Options[index]);
                }
                return string.Join("; ", chosen);
            }
            case FieldKinds.Combobox:
                return await PickAsync(page, locator, field, answer, ms);
            default:
                var text = answer.Text ?? (answer.Choices.Count > 0 ? answer.Choices[0] : null) ?? throw new FieldFillException($"No text for \"{field.Label}\".");
                await locator.FillAsync(text, new() { Timeout = ms });
                return text;
        }
    }

    /// <summary>True when <see cref="FillAsync"/> put text in the field in one piece, to be checked by <see cref="RetypeDroppedAsync"/>.</summary>
    public static bool IsTyped(ScannedField field) => field.Kind is not (FieldKinds.File or FieldKinds.Select or FieldKinds.Radio or FieldKinds.Checkbox
        or FieldKinds.CheckboxGroup or FieldKinds.Combobox);

    /// <summary>
    /// Some widgets drop a value that arrives in one piece (masks, listeners on key events): the text fields still empty
    /// after the page was filled are typed key by key. The values are read in one call for the page rather than one
    /// round trip per field, which is most of what filling a long form costs.
    /// </summary>
    public static async Task RetypeDroppedAsync(IPage page, IReadOnlyList<(ScannedField Field, string Text)> typed, TimeSpan timeout)
    {
        if (typed.Count == 0) return;
        var values = await page.EvaluateAsync<string?[]>(
            "selectors => selectors.map(s => { const e = document.querySelector(s); return e ? (e.value ?? e.textContent ?? '') : null; })",
            typed.Select(t => t.Field.Selector).ToArray());
        for (var i = 0; i < typed.Count; i++)
            if (values[i] is { Length: 0 } && typed[i].Text.Length > 0)
                await page.Locator(typed[i].Field.Selector).First.PressSequentiallyAsync(typed[i].Text, new() { Timeout = (float)timeout.TotalMilliseconds });
    }

    private static async Task<string> PickAsync(IPage page, ILocator box, ScannedField field, FieldAnswer answer, float ms)
    {
        var (_, option) = field.Options.Count > 0 ? Option(field, answer) : (-1, Choices(answer).FirstOrDefault() ?? throw new FieldFillException($"No choice for \"{field.Label}\"."));
        await box.ClickAsync(new() { Timeout = ms });
        // A searchable combobox filters as one types; typing the option narrows the list to it.
        if (await box.EvaluateAsync<bool>("e => e.tagName === 'INPUT'")) await box.FillAsync(option, new() { Timeout = ms });
        // Playwright passes the pattern to the page; it accepts only the flags JavaScript has.
        var exact = new Regex($"^\\s*{Regex.Escape(option)}\\s*$", RegexOptions.IgnoreCase);
        await page.Locator("[role=option]:visible").Filter(new() { HasTextRegex = exact }).First.ClickAsync(new() { Timeout = ms });
        return option;
    }

    private static async Task CheckAsync(ILocator box, bool check, float ms)
    {
        try
        {
            await box.SetCheckedAsync(check, new() { Timeout = Math.Min(ms, 3000) });
        }
        catch (TimeoutException)
        {
            // A styled control hides the real input behind its label: a click on the element itself still toggles it.
            if (await box.IsCheckedAsync() != check) await box.EvaluateAsync("e => e.click()");
            if (await box.IsCheckedAsync() != check) throw new FieldFillException("The site did not let the box be " + (check ? "checked." : "unchecked."));
        }
    }

    private static (int Index, string Option) Option(ScannedField field, FieldAnswer answer)
    {
        foreach (var choice in Choices(answer))
        {
            var index = IndexOf(field.Options, choice);
            if (index >= 0) return (index, field.Options[index]);
        }
        throw new FieldFillException($"None of the options of \"{field.Label}\" matches the answer.");
    }

    private static IEnumerable<string> Choices(FieldAnswer answer) =>
        answer.Choices.Count > 0 ? answer.Choices : answer.Text is { Length: > 0 } text ? [text] : [];

    public static bool IsYes(FieldAnswer answer) => Choices(answer).FirstOrDefault() is { } c && Yes().IsMatch(c.Trim());

    /// <summary>The option with this text (case and spacing aside); placeholders never match.</summary>
    public static int IndexOf(IReadOnlyList<string> options, string choice)
    {
        var wanted = Spaces().Replace(choice, " ").Trim();
        for (var i = 0; i < options.Count; i++)
            if (!FieldScanner.IsPlaceholder(options[i]) && Spaces().Replace(options[i], " ").Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase))
                return i;
        return -1;
    }

    /// <summary>Whether the answer can go into this field at all (a choice among its options, a file, some text).</summary>
    public static bool Fits(ScannedField field, FieldAnswer answer) => field.Kind switch
    {
        FieldKinds.File => answer.File is not null,
        FieldKinds.Checkbox => Choices(answer).Any(),
        FieldKinds.Select or FieldKinds.Radio => Choices(answer).Any(c => IndexOf(field.Options, c) >= 0),
        FieldKinds.CheckboxGroup => Choices(answer).Any() && Choices(answer).All(c => IndexOf(field.Options, c) >= 0),
        FieldKinds.Combobox => field.Options.Count == 0 ? Choices(answer).Any() : Choices(answer).Any(c => IndexOf(field.Options, c) >= 0),
        _ => answer.Text is { Length: > 0 } || answer.Choices.Count > 0,
    };

    [GeneratedRegex(@"^(yes|y|true)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Yes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
