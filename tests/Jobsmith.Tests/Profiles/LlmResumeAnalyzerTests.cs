using System.Text;
using System.Text.Json.Nodes;
using Jobsmith.Core.Ai;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Tests.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Profiles;

/// <summary>The LLM path end to end: configuration, DI, the OpenAI wire format over loopback HTTP, validation, merge.</summary>
public sealed class LlmResumeAnalyzerTests
{
    private const string Resume = """
        Jane Doe
        jane.doe@example.com

        EXPERIENCE
        Senior Software Engineer
        Acme Payments Inc. - Boston, MA
        March 2019 to Present
        • Led the migration of the ledger to PostgreSQL

        Volunteer coding mentor at Northwind Code Club on weekends since 2016, teaching Python to teenagers.

        EDUCATION
        Bachelor of Science in Computer Science
        Northeastern University
        2011 - 2015

        SKILLS
        C#, PostgreSQL
        """;

    // What a model might answer: mostly copied from the resume, plus a job it invented.
    private static readonly JsonObject Answer = new()
    {
        ["name"] = "Jane Doe",
        ["email"] = "jane.doe@example.com",
        ["links"] = new JsonArray(),
        ["experience"] = new JsonArray(
            Job("Senior Software Engineer", "Acme Payments Inc.", "Led the migration of the ledger to PostgreSQL"),
            Job("Volunteer coding mentor", "Northwind Code Club", "teaching Python to teenagers"),
            Job("Staff Engineer", "Globex Invented Corp", "Scaled the platform tenfold")),
        ["education"] = new JsonArray(new JsonObject
        {
            ["degree"] = "Bachelor of Science", ["field"] = "Computer Science", ["institution"] = "Northeastern University",
        }),
        ["skills"] = new JsonArray("C#", "PostgreSQL", "Python", "Rust"),
    };

    private static JsonObject Job(string title, string company, string bullet) =>
        new() { ["title"] = title, ["company"] = company, ["bullets"] = new JsonArray(bullet) };

    private static string Completion(string content) => new JsonObject
    {
        ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1732233600, ["model"] = "llama3.1",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0, ["finish_reason"] = "stop",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1234, ["completion_tokens"] = 210, ["total_tokens"] = 1444 },
    }.ToJsonString();

    private static ServiceProvider Services(params (string Key, string Value)[] ai)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(ai.Select(s => new KeyValuePair<string, string?>($"Ai:{s.Key}", s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddJobsmithAi(configuration).AddProfiles().BuildServiceProvider();
    }

    private static ServiceProvider OpenAi(WireServer server) => Services(("Provider", "openai"), ("Model", "llama3.1"),
        ("Endpoint", server.Url("/v1").ToString()), ("ApiKey", "sk-test"), ("MaxRetries", "0"), ("Timeout", "00:00:10"));

    private static Task<ParsedResume> ParseAsync(ServiceProvider services) =>
        services.GetRequiredService<ProfileParser>().ParseAsync(Encoding.UTF8.GetBytes(Resume), "resume.txt");

    private static ParsedResume RulesOnly() =>
        new ResumeAnalyzer(TimeProvider.System).Analyze(new ExtractedText(ResumeFileKind.PlainText, Resume));

    [Fact]
    public async Task Model_facts_found_in_the_resume_are_merged_with_spans_and_invented_ones_are_dropped()
    {
        await using var server = await WireServer.StartAsync(200, Completion(Answer.ToJsonString()));
        await using var services = OpenAi(server);

        var resume = await ParseAsync(services);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Contains("Northwind Code Club", (string?)request.Body!["messages"]![1]!["content"], StringComparison.Ordinal);

        // The rule-based job keeps its own provenance.
        var rules = RulesOnly();
        Assert.DoesNotContain(rules.Experience, e => e.Company?.Value == "Northwind Code Club");
        var acme = Assert.Single(resume.Experience, e => e.Company?.Value.StartsWith("Acme", StringComparison.Ordinal) == true);
        Assert.Equal(Assert.Single(rules.Experience).Source, acme.Source);

        // The job only the model saw is added, every fact pointing at its place in the text.
        var volunteer = Assert.Single(resume.Experience, e => e.Company?.Value == "Northwind Code Club");
        Assert.Equal("Volunteer coding mentor", volunteer.Title?.Value);
        foreach (var fact in new[] { volunteer.Title!, volunteer.Company!, volunteer.Bullets.Single() })
            Assert.Equal(fact.Value, Resume.ReplaceLineEndings("\n")[fact.Source.Start..fact.Source.End]);
        Assert.Equal(10, volunteer.Source.FirstLine);

        // The invented employer, its title and bullet, and the skill the resume never names are gone.
        Assert.DoesNotContain(resume.Experience, e => e.Company?.Value.Contains("Globex", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(resume.Experience, e => e.Title?.Value == "Staff Engineer");
        Assert.DoesNotContain(resume.Skills, s => s.Name.Value == "Rust");
        Assert.Contains(resume.Skills, s => s.Canonical == "Python");

        var ai = Assert.IsType<ResumeAiReport>(resume.Ai);
        Assert.Equal(new AiUsage("openai", "llama3.1", 1234, 210), ai.Usage);
        Assert.Equal("resume-extract.v1", ai.PromptId);
        Assert.Equal(4, ai.DroppedValues);
        Assert.False(ai.Failed);
    }

    [Fact]
    public async Task Without_a_provider_the_parse_is_rule_based_only()
    {
        await using var services = Services();

        var resume = await ParseAsync(services);

        Assert.Null(resume.Ai);
        var rules = RulesOnly();
        Assert.Equal(rules.Experience.Select(e => e.Source), resume.Experience.Select(e => e.Source));
        Assert.Equal(rules.Skills.Select(s => s.Name), resume.Skills.Select(s => s.Name));
    }

    [Fact]
    public async Task A_failing_provider_leaves_the_rule_based_profile()
    {
        await using var server = await WireServer.StartAsync(500, """{"error":{"message":"boom","type":"server_error"}}""");
        await using var services = OpenAi(server);

        var resume = await ParseAsync(services);

        Assert.NotEmpty(server.Requests);
        Assert.Null(resume.Ai);
        Assert.Equal(RulesOnly().Experience.Select(e => e.Source), resume.Experience.Select(e => e.Source));
    }

    [Fact]
    public async Task A_reply_without_json_is_reported_as_failed_with_its_usage()
    {
        await using var server = await WireServer.StartAsync(200, Completion("Sorry, I cannot help with that."));
        await using var services = OpenAi(server);

        var resume = await ParseAsync(services);

        Assert.True(resume.Ai?.Failed);
        Assert.Equal(1234, resume.Ai?.Usage.InputTokens);
        Assert.Equal(RulesOnly().Experience.Count, resume.Experience.Count);
    }
}
