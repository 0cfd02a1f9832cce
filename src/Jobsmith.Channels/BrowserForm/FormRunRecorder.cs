using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents.Answers;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>What one run has done so far — fields, uploads, screenshots — turned into its result at the end.</summary>
internal sealed class FormRunRecorder
{
    private readonly List<FilledField> _fields = [];
    private readonly List<UploadedFile> _uploads = [];
    private readonly List<ProofItem> _proof = [];
    private readonly List<string> _open = [];

    public int Pages { get; set; }

    /// <summary>Set just before the final click: from then on nothing may be reported as not sent.</summary>
    public bool FinalClicked { get; set; }

    public void Field(int page, ScannedField field, string? value, string source) =>
        _fields.Add(new FilledField(page, field.Label, field.Name, field.Id, field.AutomationId, field.Kind, field.Required, value, source));

    public void Upload(ScannedField field, SubmissionFile file) =>
        _uploads.Add(new UploadedFile(field.Label, file.Kind, file.FileName, file.Content.Length, file.Sha256));

    public void Open(string question) => _open.Add(question);

    public IReadOnlyList<string> OpenQuestions => _open;

    public async Task ScreenshotAsync(IPage page, string kind, string name, string? note = null)
    {
        try
        {
            var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Png, Timeout = 10_000 });
            _proof.Add(new ProofItem(kind, name, "image/png", png, note));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // A page that is gone cannot be shown; the result still says what happened.
        }
    }

    public BrowserFormRun Finish(SubmissionOutcome outcome, string details, string? escalation = null, string? confirmation = null) =>
        new(new SubmissionResult(outcome, details, escalation, [.. _proof], [.. _fields.Where(f => f.Value is not null).Select(Audit)], confirmation),
            [.. _fields], [.. _uploads], [.. _open], Pages);

    // F7: the audit names what was filled; a sensitive answer is the candidate's stored choice and is not repeated.
    private static string Audit(FilledField field) =>
        string.Equals(field.Source, nameof(QuestionCategory.Sensitive), StringComparison.OrdinalIgnoreCase) ? $"{field.Label}: (your stored answer)" : $"{field.Label}: {field.Value}";
}
