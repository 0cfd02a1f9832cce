using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Jobsmith.Core.Ai;

public sealed record ExtractionResult<T>(T Value, IReadOnlyList<DroppedValue> Dropped, AiUsage Usage, string PromptId);

/// <summary>
/// Provider-neutral "text in, typed record out": versioned prompt + JSON schema of <typeparamref name="T"/>,
/// parse and validate the reply, then drop any string the source text does not contain. String fields of
/// <typeparamref name="T"/> that may be dropped must be nullable, or validation of the kept result fails.
/// </summary>
public sealed class StructuredExtraction(IChatClient chat, PromptTemplates prompts)
{
    /// <summary>camelCase wire names, and strict: missing required or null non-nullable members are errors.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public async Task<ExtractionResult<T>> ExtractAsync<T>(string promptName, int promptVersion, string sourceText, CancellationToken cancellationToken = default)
        where T : class
    {
        var template = prompts.Load(promptName, promptVersion);
        var schema = AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: JsonOptions);
        var system = template.Render(new Dictionary<string, string> { ["schema"] = schema.GetRawText() });
        // The document goes in its own message so nothing in it is ever read as part of the template.
        ChatMessage[] messages =
        [
            new(ChatRole.System, system),
            new(ChatRole.User, $"<document>\n{sourceText}\n</document>"),
        ];
        // No temperature: several hosted reasoning models reject any but their default.
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, typeof(T).Name) };

        var response = await chat.GetResponseAsync(messages, options, cancellationToken);
        var usage = AiUsage.From(response, chat);
        var reply = response.Text;

        var json = JsonReply.TryParseObject(reply)
            ?? throw new StructuredExtractionException($"The model reply to {template.Id} contains no JSON object.", reply, usage);
        Deserialize<T>(json, template, reply, usage);
        var check = SourceTextValidator.Validate(json, sourceText);
        var kept = Deserialize<T>(check.Kept, template, reply, usage);
        return new ExtractionResult<T>(kept, check.Dropped, usage, template.Id);
    }

    private static T Deserialize<T>(JsonNode? json, PromptTemplate template, string reply, AiUsage usage)
    {
        try
        {
            return json.Deserialize<T>(JsonOptions)
                ?? throw new StructuredExtractionException($"The model reply to {template.Id} is null.", reply, usage);
        }
        catch (JsonException e)
        {
            throw new StructuredExtractionException(
                $"The model reply to {template.Id} does not match {typeof(T).Name}: {e.Message}", reply, usage, e);
        }
    }
}
