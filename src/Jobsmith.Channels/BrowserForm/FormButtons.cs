using System.Text.RegularExpressions;

namespace Jobsmith.Channels.BrowserForm;

internal enum FormStep { None, Next, Final }

/// <summary>
/// Which button moves the form on: "Next"/"Continue" steps a wizard (nothing is sent yet), "Submit"/"Apply" is the
/// final click, "Easy Apply"/"Apply for this job" on a page without fields opens the form. Back, cancel and
/// sign-in buttons are never pressed.
/// </summary>
internal static partial class FormButtons
{
    public static (FormStep Step, PageButton? Button) Classify(IReadOnlyList<PageButton> buttons)
    {
        var usable = buttons.Where(b => b.Text.Length > 0 && b.Tag != "a" && !Avoid().IsMatch(b.Text)).ToList();
        if (usable.FirstOrDefault(b => Next().IsMatch(b.Text) && !Submit().IsMatch(b.Text)) is { } next) return (FormStep.Next, next);
        if ((usable.FirstOrDefault(b => Submit().IsMatch(b.Text)) ?? usable.FirstOrDefault(b => b.Submits)) is { } final) return (FormStep.Final, final);
        return (FormStep.None, null);
    }

    /// <summary>A button or link that opens the application form (a modal, or the form below or behind it).</summary>
    public static PageButton? Opener(IReadOnlyList<PageButton> buttons) =>
        buttons.FirstOrDefault(b => Opens().IsMatch(b.Text) && !Avoid().IsMatch(b.Text));

    [GeneratedRegex(@"^\W*(next|continue|save (and|&) continue|proceed|review( (your |my )?application)?|go to next)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Next();

    [GeneratedRegex(@"\b(submit|send( (my|the))? application|apply( now)?|finish|complete( (my|the))? application)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Submit();

    [GeneratedRegex(@"^\W*(back|previous|prev|cancel|close|dismiss|save( as)? (a )?draft|sign ?(in|up)|log ?in|edit|remove|delete|upload|attach|choose file|browse)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Avoid();

    [GeneratedRegex(@"\b(easy apply|apply( now| here| online| for this (job|position|role))?|start (your |my )?application|i'?m interested)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opens();
}
