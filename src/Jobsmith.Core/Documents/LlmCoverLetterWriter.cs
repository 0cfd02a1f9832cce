using System.Text;
using System.Text.Json;
using Jobsmith.Core.Ai;
using Jobsmith.Core.Jobs;
using Microsoft.Extensions.AI;

namespace Jobsmith.Core.Documents;

/// <summary>
/// E2, LLM engine: the cover letter written by the configured chat model from the versioned prompt
/// <c>cover-letter.v1</c>. The candidate's facts (with their ids) and the posting go in separate user messages as
/// delimited data, never into the template. The model must cite fact ids per line; its lines are returned as written,
/// so the caller's provenance check flags anything they do not support instead of it being silently accepted.
/// </summary>
public sealed class LlmCoverLetterWriter(IChatClient chat, PromptTemplates prompts)
{
    public const string PromptName = "cover-letter";
    public const int PromptVersion = 1;
    public const string Engine = "llm:" + PromptName + ".v1";
    public const int MaxPostingChars = 12_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The reply's shape: one entry per line of the letter.</summary>
    public sealed record Reply(IReadOnlyList<ReplyLine> Lines);

    public sealed record ReplyLine(string Section, string Text, IReadOnlyList<string> Facts);

    /// <summary>The letter, or null when the call failed or the reply is unusable (the caller falls back to the deterministic engine).</summary>
    public async Task<DocumentDraft?> WriteAsync(FactSheet sheet, JobPosting posting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(posting);
        var template = prompts.Load(PromptName, PromptVersion);
        var schema = AIJsonUtilities.CreateJsonSchema(typeof(Reply), serializerOptions: Json);
        var system = template.Render(new Dictionary<string, string>
        {
            ["min_words"] = CoverLetterComposer.TargetWords.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["max_words"] = CoverLetterComposer.MaxWords.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["schema"] = schema.GetRawText(),
        });
        ChatMessage[] messages =
        [
            new(ChatRole.System, system),
            new(ChatRole.User, FactsBlock(sheet)),
            new(ChatRole.User, PostingBlock(posting)),
        ];
        string text;
        try
        {
            var response = await chat.GetResponseAsync(messages, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, nameof(Reply)) }, cancellationToken);
            text = response.Text;
        }
        catch (Exception e) when (e is AiProviderException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        Reply? reply;
        try
        {
            reply = JsonReply.TryParseObject(text)?.Deserialize<Reply>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
        var lines = reply?.Lines?.Where(l => l is not null && !string.IsNullOrWhiteSpace(l.Text))
            .Select(l => new DocumentLine(string.IsNullOrWhiteSpace(l.Section) ? "Body" : l.Section.Trim(), l.Text.Trim(), [.. (l.Facts ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Distinct()]))
            .ToList();
        if (lines is null || lines.Count == 0) return null;
        return new DocumentDraft(DocumentKinds.CoverLetter, lines,
            [$"Written by the configured model from prompt {template.Id}; {CoverLetterComposer.Words(lines)} words. Every line is checked against the facts it cites."]);
    }

    internal static string FactsBlock(FactSheet sheet)
    {
        var builder = new StringBuilder("<facts>\n");
        foreach (var fact in sheet.Facts)
            builder.Append('[').Append(fact.Id).Append("] ").Append(fact.Kind).Append(fact.Entry is { } entry ? $" #{entry}" : "").Append(": ").Append(Data(fact.Value)).Append('\n');
        return builder.Append("</facts>").ToString();
    }

    internal static string PostingBlock(JobPosting posting)
    {
        var builder = new StringBuilder();
        builder.Append("Title: ").Append(posting.Title).Append('\n');
        builder.Append("Company: ").Append(posting.Company).Append('\n');
        if (posting.Requirements.Count > 0)
        {
            builder.Append("Requirements:\n");
            foreach (var requirement in posting.Requirements) builder.Append("- ").Append(requirement).Append('\n');
        }
        builder.Append("Description:\n").Append(posting.Description.Text);
        var body = Data(builder.ToString());
        if (body.Length > MaxPostingChars) body = body[..MaxPostingChars];
        return $"<posting>\n{body}\n</posting>";
    }

    // A posting cannot close its own block early: angle brackets in the data are replaced by look-alikes.
    private static string Data(string text) => text.Replace('<', '‹').Replace('>', '›');
}
