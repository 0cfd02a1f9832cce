using System.Reflection;
using System.Text;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Ai;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.JsonResume;
using Jobsmith.Core.Profiles.Llm;
using Jobsmith.Tests.Ai;
using Jobsmith.Tests.Matching.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Flags;

/// <summary>
/// Every flag in the catalogue is obeyed (A4): switching each off stops what it names, and a flag no code reads
/// fails the guard below, so the admin's flag page never offers a switch that does nothing.
/// </summary>
public sealed class FlagsObeyedTests
{
    [Theory]
    [InlineData(FeatureFlagCatalog.Matcher)]
    [InlineData(FeatureFlagCatalog.AiAgents)]
    public async Task Matcher_off_runs_no_match(string flag)
    {
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite");
        var priya = await harness.AddCandidateAsync("priya@example.com");
        await SetAsync(harness, Name(flag), false);

        var refused = await Assert.ThrowsAsync<AgentSwitchedOffException>(() => harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 8, CancellationToken.None)));
        await SetAsync(harness, Name(flag), true);
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 8, CancellationToken.None));

        Assert.Equal(FeatureFlagCatalog.Matcher, refused.Agent);
        Assert.Equal(8, run.Matches.Count);
    }

    [Theory]
    [InlineData(FeatureFlagCatalog.FeedbackOptimization)]
    [InlineData(FeatureFlagCatalog.FeedbackOptimizer)]
    [InlineData(FeatureFlagCatalog.AiAgents)]
    public async Task Optimizer_off_learns_nothing_and_keeps_the_feedback_for_later(string flag)
    {
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite");
        var priya = await harness.AddCandidateAsync("priya@example.com");
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 8, CancellationToken.None));
        foreach (var m in run.Matches.Where(m => m.ExternalId.StartsWith("o-", StringComparison.Ordinal)))
            await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackService>().GiveAsync(priya, m.PostingId, false, FeedbackReasons.WrongLocation, null, CancellationToken.None));
        await SetAsync(harness, Name(flag), false);

        var off = await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAsync(priya, CancellationToken.None));
        var offAll = await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAllAsync(CancellationToken.None));
        var feedback = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchQueries>().FeedbackAsync(priya, CancellationToken.None));
        await SetAsync(harness, Name(flag), true);
        var on = await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAsync(priya, CancellationToken.None));

        Assert.Empty(off);
        Assert.Equal(0, offAll);
        Assert.All(feedback, f => Assert.Null(f.ProcessedAt));
        Assert.Contains(on, u => u.Field == LearnedFields.RemotePreference);
    }

    [Theory]
    [InlineData(FeatureFlagCatalog.Notifications)]
    [InlineData(FeatureFlagCatalog.AiAgents)]
    public async Task Notifications_agent_off_sends_no_welcome(string flag)
    {
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite");
        await SetAsync(harness, Name(flag), false);
        var off = await RegisterAndProcessAsync(harness, "off@example.com");
        await SetAsync(harness, Name(flag), true);
        var on = await RegisterAndProcessAsync(harness, "on@example.com");

        Assert.DoesNotContain(off, n => n.Type == "welcome");
        Assert.Contains(on, n => n.Type == "welcome");
    }

    [Fact]
    public async Task Job_discovery_off_runs_no_search()
    {
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite");
        var priya = await harness.AddCandidateAsync("priya@example.com");
        var search = await harness.InScopeAsync(sp => sp.GetRequiredService<JobSearchService>().CreateAsync(priya,
            new JobSearchRequest(["Engineer"], [], RemoteOnly: false, ["paste"], 60), CancellationToken.None));
        await SetAsync(harness, FeatureFlagCatalog.AgentFlag(FeatureFlagCatalog.JobDiscovery), false);

        var off = await harness.InScopeAsync(sp => sp.GetRequiredService<JobSearchRunner>().RunAsync(search.Id, CancellationToken.None));
        await SetAsync(harness, FeatureFlagCatalog.AgentFlag(FeatureFlagCatalog.JobDiscovery), true);
        var on = await harness.InScopeAsync(sp => sp.GetRequiredService<JobSearchRunner>().RunAsync(search.Id, CancellationToken.None));

        Assert.Equal(JobSearchRunner.SwitchedOffNote, off);
        Assert.StartsWith(JobSearchRunner.NoPlanNote, on, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FeatureFlagCatalog.ResumeAnalyzer)]
    [InlineData(FeatureFlagCatalog.AiAgents)]
    public async Task Resume_analyzer_off_sends_no_resume_to_the_model(string flag)
    {
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite");
        await using var model = await WireServer.StartAsync(_ => new WireServer.Reply(500, "{}"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "openai", ["Ai:Model"] = "llama3.1", ["Ai:Endpoint"] = model.Url("/v1").ToString(),
            ["Ai:ApiKey"] = "sk-test", ["Ai:MaxRetries"] = "0", ["Ai:Timeout"] = "00:00:10",
        }).Build();
        await using var ai = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddJobsmithAi(configuration).BuildServiceProvider();
        var parser = new ProfileParser(new ResumeImporter(new ResumeImportOptions()), new ResumeAnalyzer(TimeProvider.System), new JsonResumeImporter(TimeProvider.System),
            new LlmResumeAnalyzer(ai.GetRequiredService<StructuredExtraction>(), TimeProvider.System), harness.Host.Services.GetRequiredService<AgentSwitches>());
        var resume = Encoding.UTF8.GetBytes(MatchStoreHarness.Resume);

        await SetAsync(harness, Name(flag), false);
        var off = await parser.ParseAsync(resume, "resume.txt");
        var requestsWhileOff = model.Requests.Count;
        await SetAsync(harness, Name(flag), true);
        await parser.ParseAsync(resume, "resume.txt");

        Assert.Equal(0, requestsWhileOff);
        Assert.Null(off.Ai);
        Assert.NotEmpty(model.Requests);
    }

    [Fact]
    public async Task Every_source_flag_switched_off_stops_its_source()
    {
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite");
        foreach (var kind in FeatureFlagCatalog.Sources.Concat(FeatureFlagCatalog.BigBoards))
        {
            await SetAsync(harness, FeatureFlagCatalog.SourceFlag(kind), false);
            var run = await harness.InScopeAsync(sp => sp.GetRequiredService<SourceRunner>().RunAsync(kind, CancellationToken.None));
            Assert.False(run.Ran, kind);
        }
    }

    /// <summary>
    /// The guard: each platform and agent flag is read through its catalogue constant somewhere in the product's code
    /// (not just declared), and each source flag belongs to a source the runner can fetch and gates by its kind.
    /// </summary>
    [Fact]
    public async Task Every_catalogue_flag_is_read_by_the_code()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Jobsmith.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var catalogue = Path.Combine(root.FullName, "src", "Jobsmith.Core", "Flags", "FeatureFlagCatalog.cs");
        var code = string.Join("\n", Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Equals(catalogue, StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var constants = typeof(FeatureFlagCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite");
        var sourceKinds = harness.Host.Services.GetRequiredService<JobSourceCatalog>().Descriptors.Select(d => d.Kind).ToHashSet(StringComparer.Ordinal);

        var unread = new List<string>();
        foreach (var flag in FeatureFlagCatalog.All)
        {
            var read = flag.Group switch
            {
                "source" => sourceKinds.Contains(flag.Name["Source.".Length..]) && code.Contains("settings.IsEnabledAsync(kind", StringComparison.Ordinal),
                "agent" => constants.TryGetValue(flag.Name["Agent.".Length..], out var agent) && code.Contains($"FeatureFlagCatalog.{agent}", StringComparison.Ordinal),
                _ => constants.TryGetValue(flag.Name, out var platform) && code.Contains($"FeatureFlagCatalog.{platform}", StringComparison.Ordinal),
            };
            if (!read) unread.Add(flag.Name);
        }
        Assert.Empty(unread);
    }

    private static string Name(string flag) => FeatureFlagCatalog.Find(flag) is not null ? flag : FeatureFlagCatalog.AgentFlag(flag);

    private static Task<bool> SetAsync(MatchStoreHarness harness, string flag, bool on) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<FeatureFlagService>().SetAsync(flag, on, "admin", CancellationToken.None));

    private static Task<List<Notification>> RegisterAndProcessAsync(MatchStoreHarness harness, string email) => harness.InScopeAsync(async sp =>
    {
        var user = await sp.GetRequiredService<AccountService>().RegisterAsync(email, "a-long-password-1", null, CancellationToken.None);
        var db = sp.GetRequiredService<AppDbContext>();
        var eventId = await db.Set<AgentEvent>().Where(e => e.UserId == user.Id && e.Type == EventTypes.AccountRegistered).Select(e => e.Id).SingleAsync();
        Assert.True(await sp.GetRequiredService<AgentEventProcessor>().ProcessAsync(eventId, CancellationToken.None));
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == user.Id).ToListAsync();
    });
}
