using System.Net;
using System.Text;
using System.Text.Json;

namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// A Greenhouse-like job board page: the job description and the hosted form below it, rendered from a job's
/// "questions" and "location_questions" in Greenhouse's own JSON shape (input_text, input_file, textarea,
/// input_hidden, multi_value_single_select, multi_value_multi_select), posted as multipart to the board, which
/// redirects to a confirmation page.
/// </summary>
public static class GreenhouseLikeSite
{
    public const string Site = "greenhouse";

    /// <summary>A small job of our own in the same shape, so the test runs without the shared data.</summary>
    public const string EmbeddedJob = """
        {
          "id": 7001, "title": "Backend Engineer",
          "location_questions": [
            {"label": "Location", "required": true, "fields": [{"name": "location", "type": "input_text"}]},
            {"label": "Latitude", "required": true, "fields": [{"name": "latitude", "type": "input_hidden"}]}
          ],
          "questions": [
            {"label": "First Name", "required": true, "fields": [{"name": "first_name", "type": "input_text"}]},
            {"label": "Last Name", "required": true, "fields": [{"name": "last_name", "type": "input_text"}]},
            {"label": "Email", "required": true, "fields": [{"name": "email", "type": "input_text"}]},
            {"label": "Phone", "required": false, "fields": [{"name": "phone", "type": "input_text"}]},
            {"label": "Resume/CV", "required": true, "fields": [{"name": "resume", "type": "input_file"}, {"name": "resume_text", "type": "textarea"}]},
            {"label": "Cover Letter", "required": false, "fields": [{"name": "cover_letter", "type": "input_file"}, {"name": "cover_letter_text", "type": "textarea"}]},
            {"label": "LinkedIn Profile", "required": false, "fields": [{"name": "question_5555", "type": "input_text"}]},
            {"label": "Will you now or in the future require visa sponsorship?", "required": true,
             "fields": [{"name": "question_3333", "type": "multi_value_single_select", "values": [{"value": 1, "label": "Yes"}, {"value": 0, "label": "No"}]}]},
            {"label": "How did you hear about this job?", "required": false,
             "fields": [{"name": "question_4444", "type": "multi_value_single_select", "values": [{"value": 10, "label": "Company website"}, {"value": 11, "label": "LinkedIn"}, {"value": 12, "label": "Referral"}]}]},
            {"label": "What is your notice period?", "required": false, "fields": [{"name": "question_6666", "type": "input_text"}]},
            {"label": "Are you willing to travel for work?", "required": false,
             "fields": [{"name": "question_7777[]", "type": "multi_value_multi_select", "values": [{"value": 1, "label": "Yes"}, {"value": 0, "label": "No"}]}]},
            {"label": "Why do you want to work here?", "required": false, "fields": [{"name": "question_8888", "type": "textarea"}]}
          ]
        }
        """;

    public static Uri Install(ApplicationSites sites, string json, string prefix = "/greenhouse", string? extraHtml = null)
    {
        sites.Page($"{prefix}/jobs", Html(json, $"{prefix}/applications", extraHtml));
        sites.Receive($"{prefix}/applications", Site, ApplicationSites.RedirectTo($"{prefix}/confirmation"));
        sites.Page($"{prefix}/confirmation", "<!DOCTYPE html><html><head><title>Application received</title></head><body><main><h1>Thank you for applying.</h1>"
            + "<p>Your application has been received. Reference number: GH-448812.</p></main></body></html>");
        return sites.Url($"{prefix}/jobs");
    }

    private static string Html(string json, string action, string? extraHtml)
    {
        using var job = JsonDocument.Parse(json);
        var root = job.RootElement;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><title>Job Application for ").Append(Enc(root.GetProperty("title").GetString()))
            .Append("</title></head><body><div id=\"header\"><h1 class=\"app-title\">").Append(Enc(root.GetProperty("title").GetString()))
            .Append("</h1><a href=\"#application\">Apply for this job</a></div><div id=\"content\"><p>We build payment systems.</p></div>")
            .Append("<div id=\"application\"><form id=\"application_form\" method=\"post\" enctype=\"multipart/form-data\" action=\"").Append(action).Append("\">")
            .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(root.GetProperty("id").GetRawText()).Append("\">")
            .Append("<input type=\"hidden\" name=\"idempotency_key\" value=\"\">");
        foreach (var group in new[] { "questions", "location_questions" })
            if (root.TryGetProperty(group, out var questions))
                foreach (var question in questions.EnumerateArray()) Question(html, question);
        html.Append(extraHtml).Append("<input type=\"submit\" id=\"submit_app\" value=\"Submit Application\"></form></div></body></html>");
        return html.ToString();
    }

    private static void Question(StringBuilder html, JsonElement question)
    {
        var label = question.GetProperty("label").GetString()!;
        var required = question.GetProperty("required").GetBoolean();
        var fields = question.GetProperty("fields").EnumerateArray().ToList();
        var first = true;
        foreach (var field in fields)
        {
            var name = field.GetProperty("name").GetString()!;
            var type = field.GetProperty("type").GetString()!;
            var id = "f_" + name.Replace("[]", "", StringComparison.Ordinal);
            var shownLabel = first ? label : $"{label} (or paste it here)";
            var req = first && required ? " required" : "";
            var star = first && required ? " *" : "";
            switch (type)
            {
                case "input_hidden":
                    html.Append($"<input type=\"hidden\" name=\"{name}\" id=\"{id}\">");
                    break;
                case "input_text":
                    html.Append($"<div class=\"field\"><label for=\"{id}\">{Enc(shownLabel)}{star}</label><input type=\"text\" id=\"{id}\" name=\"{name}\"{req}></div>");
                    break;
                case "input_file":
                    html.Append($"<div class=\"field\"><label for=\"{id}\">{Enc(shownLabel)}{star}</label><input type=\"file\" id=\"{id}\" name=\"{name}\"{req}></div>");
                    break;
                case "textarea":
                    html.Append($"<div class=\"field\"><label for=\"{id}\">{Enc(shownLabel)}{star}</label><textarea id=\"{id}\" name=\"{name}\"{(first ? req : "")}></textarea></div>");
                    break;
                case "multi_value_single_select":
                    html.Append($"<div class=\"field\"><label for=\"{id}\">{Enc(shownLabel)}{star}</label><select id=\"{id}\" name=\"{name}\"{req}><option value=\"\">Please select</option>");
                    foreach (var value in field.GetProperty("values").EnumerateArray())
                        html.Append($"<option value=\"{value.GetProperty("value").GetRawText()}\">{Enc(value.GetProperty("label").GetString())}</option>");
                    html.Append("</select></div>");
                    break;
                case "multi_value_multi_select":
                    html.Append($"<fieldset class=\"field\"><legend>{Enc(shownLabel)}{star}</legend>");
                    foreach (var value in field.GetProperty("values").EnumerateArray())
                        html.Append($"<label><input type=\"checkbox\" name=\"{name}\" value=\"{value.GetProperty("value").GetRawText()}\"> {Enc(value.GetProperty("label").GetString())}</label>");
                    html.Append("</fieldset>");
                    break;
            }
            first = false;
        }
    }

    private static string Enc(string? text) => WebUtility.HtmlEncode(text ?? "");
}
