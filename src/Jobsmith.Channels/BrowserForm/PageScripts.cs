using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>The scripts the channel runs in the page (embedded resources), and their results as records.</summary>
internal static class PageScripts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string ScanFields = Load("scan-fields.js");
    private static readonly string State = Load("page-state.js");

    // Hidden fields are not filled by typing; a site that wants the key for de-duplication names its field so.
    private const string SetKey = """
        (key) => {
          const field = [...document.querySelectorAll('input[type=hidden]')].find(i => /idempot|jobsmith[_-]?key/i.test(i.name || i.id || ''));
          if (!field) return false;
          field.value = key;
          return true;
        }
        """;

    // What is on screen to fill now: changes when a wizard moves on, a modal opens or a page loads.
    private const string Signature = """
        () => {
          const dialogs = [...document.querySelectorAll('dialog[open], [role=dialog], [aria-modal=true]')].filter(d => d.getClientRects().length > 0);
          const scope = dialogs.length ? dialogs[dialogs.length - 1] : document.body;
          if (!scope) return '';
          return location.href + '|' + [...scope.querySelectorAll('input, select, textarea, [role=combobox]')]
            .filter(e => e.type !== 'hidden' && e.getClientRects().length > 0).map(e => e.name || e.id || e.type).join(',');
        }
        """;

    public static async Task<ScanResult> ScanAsync(IPage page, int start) =>
        (await page.EvaluateAsync<JsonElement>(ScanFields, new { start })).Deserialize<ScanResult>(Json)!;

    public static async Task<PageState> StateAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(State)).Deserialize<PageState>(Json)!;

    public static async Task<bool> SetIdempotencyKeyAsync(IPage page, string key) => await page.EvaluateAsync<bool>(SetKey, key);

    public static async Task<string> SignatureAsync(IPage page) => await page.EvaluateAsync<string>(Signature);

    private static string Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The page script {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
