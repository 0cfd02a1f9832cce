using System.Text.Json.Nodes;

namespace Jobsmith.Core.Documents.Answers;

/// <summary>
/// Reads the questions of a Greenhouse job (GET …/jobs/{id}?questions=true) into <see cref="FormQuestion"/>s:
/// "questions", "location_questions", the EEOC "compliance" groups and "demographic_questions", each tagged with its
/// section so demographic and compliance questions are treated as sensitive whatever their labels say.
/// </summary>
public static class GreenhouseQuestions
{
    public static IReadOnlyList<FormQuestion> Read(JsonNode job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var questions = new List<FormQuestion>();
        questions.AddRange(Fielded(job["questions"] as JsonArray, FormSections.Questions));
        questions.AddRange(Fielded(job["location_questions"] as JsonArray, FormSections.Location));
        foreach (var group in (job["compliance"] as JsonArray ?? []).OfType<JsonObject>())
            questions.AddRange(Fielded(group["questions"] as JsonArray, FormSections.Compliance));
        foreach (var question in (job["demographic_questions"]?["questions"] as JsonArray ?? []).OfType<JsonObject>())
            questions.Add(new FormQuestion(Text(question["label"]), [Text(question["type"])],
                [.. (question["answer_options"] as JsonArray ?? []).Select(o => Text(o?["label"])).Where(l => l.Length > 0)],
                question["required"]?.GetValueKind() == System.Text.Json.JsonValueKind.True, FormSections.Demographic));
        return questions;
    }

    private static IEnumerable<FormQuestion> Fielded(JsonArray? questions, string section)
    {
        foreach (var question in (questions ?? []).OfType<JsonObject>())
        {
            var fields = (question["fields"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            yield return new FormQuestion(Text(question["label"]), [.. fields.Select(f => Text(f["type"]))],
                [.. fields.SelectMany(f => f["values"] as JsonArray ?? []).Select(v => Text(v?["label"])).Where(l => l.Length > 0)],
                question["required"]?.GetValueKind() == System.Text.Json.JsonValueKind.True, section);
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim() : "";
}
