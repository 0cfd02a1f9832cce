using Jobsmith.Core.Ai;

namespace Jobsmith.Tests.Ai;

public sealed class PromptTemplatesTests
{
    [Fact]
    public void Loads_the_embedded_resume_extraction_prompt_by_name_and_version()
    {
        var template = new PromptTemplates().Load("resume-extract", 1);

        Assert.Equal("resume-extract.v1", template.Id);
        Assert.Contains("{{schema}}", template.Text, StringComparison.Ordinal);
        Assert.Contains("resume-extract.v1", PromptTemplates.Available());
    }

    [Fact]
    public void Unknown_version_names_the_available_templates()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new PromptTemplates().Load("resume-extract", 99));

        Assert.Contains("resume-extract.v99", error.Message, StringComparison.Ordinal);
        Assert.Contains("resume-extract.v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_fills_placeholders_once_without_expanding_values()
    {
        var template = new PromptTemplate("t", 1, "A {{x}} and {{y}}.");

        var text = template.Render(new Dictionary<string, string> { ["x"] = "{{y}}", ["y"] = "b" });

        Assert.Equal("A {{y}} and b.", text);
    }

    [Fact]
    public void Render_rejects_missing_and_unused_values()
    {
        var template = new PromptTemplate("t", 1, "A {{x}}.");

        Assert.Throws<InvalidOperationException>(() => template.Render(new Dictionary<string, string>()));
        Assert.Throws<InvalidOperationException>(() => template.Render(new Dictionary<string, string> { ["x"] = "1", ["z"] = "2" }));
    }
}
