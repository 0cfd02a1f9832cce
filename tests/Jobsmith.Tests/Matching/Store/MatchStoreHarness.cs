using Jobsmith.Core.Profiles.Preferences;
using System.Text;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jobsmith.Tests.Matching.Store;

/// <summary>
/// A migrated web-role Core host with a few stored postings and helpers to add candidates with a resume. Word
/// vectors are pointed at a missing file so each test database does not convert its own 40 MB cache: these tests
/// are about storage and learning, and ranking runs on its lexical and structured signals.
/// </summary>
internal sealed class MatchStoreHarness : IAsyncDisposable
{
    public const string Resume = """
        Priya Raman
        Senior Backend Engineer
        priya.raman@example.com | Berlin, Germany

        SKILLS
        Python, Go, PostgreSQL, SQL, Kubernetes, Docker, AWS, Kafka

        EXPERIENCE
        Senior Backend Engineer, Lumen Data GmbH, Berlin — 2019 - Present
        - Built event pipelines on Kafka and PostgreSQL in Python and Go.
        Software Engineer, Northwind Labs — 2016 - 2019
        - Built REST APIs in Python.
        """;

    /// <summary>Eight postings: two junior and two on-site ones to be disliked, the rest senior or remote.</summary>
    public const string Postings = """
        external_id,title,company,location,remote,salary,description
        j-1,Junior Python Developer,Acme,Berlin,yes,,Junior role: Python and SQL scripts.
        j-2,Junior Backend Engineer,Birch,Berlin,yes,,Junior backend work in Go and PostgreSQL.
        o-1,Senior Backend Engineer,Cedar,Munich,no,,Onsite in Munich: Python, Kafka and Kubernetes.
        o-2,Senior Python Engineer,Delta,Hamburg,no,,Onsite in Hamburg: Python, PostgreSQL and AWS.
        s-1,Senior Backend Engineer,Elm,Berlin,yes,,Remote: Python, Go, Kafka and PostgreSQL on AWS.
        s-2,Staff Platform Engineer,Fir,Berlin,yes,,Remote: Kubernetes, Docker and Go.
        s-3,Senior Data Engineer,Gum,Berlin,yes,,Remote: Kafka pipelines in Python and SQL.
        s-4,Backend Engineer,Hazel,Berlin,yes,,Remote: REST APIs in Python with PostgreSQL.
        """;

    private MatchStoreHarness(TestDatabase database, IHost host)
    {
        Database = database;
        Host = host;
    }

    public TestDatabase Database { get; }

    public IHost Host { get; }

    public static async Task<MatchStoreHarness> CreateAsync(string provider, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var host = TestHost.Build(database, role: "Web", s =>
        {
            s.Configure<MatchingOptions>(o => o.VectorsSource = Path.Combine(database.Folder, "no-vectors.json"));
            services?.Invoke(s);
        });
        var harness = new MatchStoreHarness(database, host);
        await harness.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            return true;
        });
        await harness.ImportAsync(Postings);
        return harness;
    }

    public Task<ImportSummary> ImportAsync(string csv) => InScopeAsync(sp =>
        sp.GetRequiredService<JobIngestionStore>().SaveAsync(sp.GetRequiredService<JobIngestion>().ImportPayload("csv", csv, null), CancellationToken.None));

    public async Task<string> AddCandidateAsync(string email) => await InScopeAsync(async sp =>
    {
        var user = await sp.GetRequiredService<AccountService>().RegisterAsync(email, "a-long-password-1", null, CancellationToken.None);
        await sp.GetRequiredService<ResumeUploads>().UploadAsync(user.Id, Encoding.UTF8.GetBytes(Resume), "resume.txt", "text/plain", CancellationToken.None);
        // Matching only runs for a ready profile: a target title and a location or remote choice (A3).
        var errors = await sp.GetRequiredService<PreferencesService>().UpdateAsync(user.Id,
            v => v with { Titles = ["Software Engineer"], RemotePreference = "any" }, CancellationToken.None);
        Assert.Empty(errors);
        return user.Id;
    });

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Database.DisposeAsync();
    }
}
