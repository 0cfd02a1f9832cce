using System.Text.Json.Nodes;
using Jobsmith.Core.Ai;

namespace Jobsmith.Tests.Ai;

public sealed class SourceTextValidatorTests
{
    private const string Source = """
        JANE   DOE
        Senior Software Engineer — Contoso Ltd
        2019 – Present
        Skills: C#, PostgreSQL,
        Kafka
        """;

    [Fact]
    public void Keeps_values_found_despite_case_whitespace_and_typographic_dashes()
    {
        var extracted = JsonNode.Parse("""{"name":"Jane Doe","title":"Senior Software Engineer - Contoso Ltd","dates":"2019 - present","skills":["c#","PostgreSQL, Kafka"]}""");

        var check = SourceTextValidator.Validate(extracted, Source);

        Assert.Empty(check.Dropped);
        Assert.Equal(extracted!.ToJsonString(), check.Kept!.ToJsonString());
    }

    [Fact]
    public void Drops_invented_values_from_arrays_and_nulls_them_in_objects()
    {
        var extracted = JsonNode.Parse("""
            {"name":"Jane Doe","email":"jane@contoso.com","years":5,
             "skills":["C#","Kubernetes","Kafka","Rust"],
             "jobs":[{"company":"Contoso Ltd","location":"Seattle"}]}
            """);

        var check = SourceTextValidator.Validate(extracted, Source);

        Assert.Equal(
            [new DroppedValue("$.email", "jane@contoso.com"), new DroppedValue("$.skills[1]", "Kubernetes"),
             new DroppedValue("$.skills[3]", "Rust"), new DroppedValue("$.jobs[0].location", "Seattle")],
            check.Dropped);
        var kept = check.Kept!.AsObject();
        Assert.Null(kept["email"]);
        Assert.Equal(5, (int?)kept["years"]);
        Assert.Equal(["C#", "Kafka"], kept["skills"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("Contoso Ltd", (string?)kept["jobs"]![0]!["company"]);
        Assert.Null(kept["jobs"]![0]!["location"]);
    }

    [Fact]
    public void Does_not_modify_the_input()
    {
        var extracted = JsonNode.Parse("""{"skills":["Rust"]}""");

        SourceTextValidator.Validate(extracted, Source);

        Assert.Equal("""{"skills":["Rust"]}""", extracted!.ToJsonString());
    }

    [Theory]
    [InlineData("  Multiple\t\tspaces\r\nand LINES ", "multiple spaces and lines")]
    [InlineData("“Quoted” – ‘text’", "\"quoted\" - 'text'")]
    [InlineData("ﬁle", "file")]
    public void Normalize_folds_case_whitespace_and_compatibility_forms(string input, string expected) =>
        Assert.Equal(expected, SourceTextValidator.Normalize(input));
}
