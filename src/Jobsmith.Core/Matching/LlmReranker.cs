using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Jobsmith.Core.Ai;
using Jobsmith.Core.Ai.Usage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Matching;

/// <summary>
/// Optional re-rank of the top K by a chat model, with a one-line rationale per posting. The model only
/// re-orders what the matcher already chose: postings it leaves out keep their order after the ones it
/// ranked, and any failure (provider error, unparsable reply) keeps the matcher's order.
/// </summary>
public sealed class LlmReranker(IChatClient chat, ILogger<LlmReranker> logger, int topK = 10)
{
    internal const string Instructions =
        "You re-rank job postings for one candidate, best fit first. Judge role, skills, seniority and location. " +
        "Reply with JSON only: {\"ranking\":[{\"id\":\"P1\",\"rationale\":\"one short sentence\"}]}. Use only the ids given.";

    public async Task<IReadOnlyList<MatchResult>> RerankAsync(MatchProfile profile, IReadOnlyList<MatchResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(results);
        var head = results.Take(topK).ToArray();
        if (head.Length < 2) return results;
        string reply;
        try
        {
            // The usage report counts re-ranking apart from other chat calls (I1).
            using var metered = AiCallScope.Begin(kind: AiCallKinds.Rerank);
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, Prompt(profile, head))],
                new ChatOptions { Temperature = 0 }, cancellationToken).ConfigureAwait(false);
            reply = response.Text;
        }
        catch (Exception e) when (e is AiProviderException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "LLM re-rank failed; keeping the matcher's order");
            return results;
        }
        if (JsonReply.TryParseObject(reply)?["ranking"] is not JsonArray ranking)
        {
            logger.LogWarning("LLM re-rank reply was not the expected JSON; keeping the matcher's order");
            return results;
        }
        var reordered = new List<MatchResult>(results.Count);
        var used = new HashSet<int>();
        foreach (var item in ranking.OfType<JsonObject>())
        {
            var id = item["id"]?.GetValue<string>();
            if (id is null || !id.StartsWith('P') || !int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) continue;
            if (n < 1 || n > head.Length || !used.Add(n - 1)) continue;
            reordered.Add(head[n - 1] with { Rationale = item["rationale"]?.GetValue<string>() });
        }
        reordered.AddRange(head.Where((_, i) => !used.Contains(i)));
        reordered.AddRange(results.Skip(head.Length));
        return reordered;
    }

    internal static string Prompt(MatchProfile profile, IReadOnlyList<MatchResult> head)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Candidate titles: {string.Join("; ", profile.Titles)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Candidate level: {Levels.Name(profile.Level)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Candidate skills: {string.Join(", ", profile.Skills.Take(40))}");
        text.AppendLine("Postings:");
        for (var i = 0; i < head.Count; i++)
        {
            var r = head[i];
            var summary = r.Posting.Description.Text.Truncate(400);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"P{i + 1}: {r.Posting.Title} at {r.Posting.Company} ({r.LocationFit}); matched skills: {string.Join(", ", r.MatchedSkills.Take(10))}; missing: {string.Join(", ", r.MissingSkills.Take(10))}; {summary.ReplaceLineEndings(" ")}");
        }
        return text.ToString();
    }
}
