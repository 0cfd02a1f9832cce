using System.Text;
using System.Text.Json.Nodes;
using Jobsmith.Core.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Inbox;

/// <summary>
/// Classifies a reply (G2): by <see cref="ReplyRules"/> when no AI provider is configured (the default), by the chat
/// model when one is. The email goes to the model as delimited untrusted data in its own message; a model that
/// fails or answers outside the five categories leaves the decision to the rules.
/// </summary>
public sealed partial class ReplyClassifier(IChatClient? chat, PromptTemplates prompts, ILogger<ReplyClassifier> logger)
{
    public const string PromptName = "reply-classify";
    public const int PromptVersion = 1;
    private const int MaxTextForModel = 6000;

    public bool UsesModel => chat is not null;

    public async Task<ReplyClassification> ClassifyAsync(ParsedEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var rules = ReplyRules.Classify(email.Subject, email.Text);
        if (chat is null) return rules;
        string reply;
        try
        {
            var system = prompts.Load(PromptName, PromptVersion).Render(new Dictionary<string, string>());
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, Delimited(email))],
                cancellationToken: cancellationToken);
            reply = response.Text;
        }
        catch (Exception e) when (e is AiProviderException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            ModelFailed(logger, e);
            return rules;
        }
        var json = JsonReply.TryParseObject(reply);
        var category = (json?["category"] as JsonValue)?.TryGetValue<string>(out var c) == true ? c.Trim().ToLowerInvariant() : null;
        if (!ReplyCategories.IsKnown(category))
        {
            ModelUnclear(logger);
            return rules;
        }
        var reason = (json!["reason"] as JsonValue)?.TryGetValue<string>(out var r) == true ? r : "";
        return new ReplyClassification(category!, "llm", reason.ReplaceLineEndings(" ").Truncate(500));
    }

    // Markers inside the email are defused so its text can never close the block and speak as instructions.
    internal static string Delimited(ParsedEmail email)
    {
        static string Defuse(string text) => text.Replace("<email", "‹email", StringComparison.OrdinalIgnoreCase).Replace("</email", "‹/email", StringComparison.OrdinalIgnoreCase);
        var text = new StringBuilder("<email>\n")
            .Append("From: ").AppendLine(Defuse($"{email.FromName} <{email.FromAddress}>"))
            .Append("Subject: ").AppendLine(Defuse(email.Subject))
            .AppendLine()
            .AppendLine(Defuse(ReplyText.Fresh(email.Text).Truncate(MaxTextForModel)))
            .Append("</email>");
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply classification by the model failed; the rules decided")]
    private static partial void ModelFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model's reply classification was not one of the categories; the rules decided")]
    private static partial void ModelUnclear(ILogger logger);
}
