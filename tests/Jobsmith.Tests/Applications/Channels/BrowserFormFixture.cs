using System.Text;
using Jobsmith.Channels.BrowserForm;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Tests.Profiles.Fixtures;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// The application sites on loopback, one warm Chromium, and a candidate whose profile the project's own parser
/// read from a resume and whose answer bank holds what a candidate would store (normalised by the bank's rules).
/// </summary>
public sealed class BrowserFormFixture : IAsyncLifetime
{
    public const string ResumeText = """
        Maya Okafor
        maya.okafor@example.com | +1 415 555 0137 | San Francisco, CA | https://github.com/mayaokafor

        Summary
        Backend engineer who builds data pipelines and payment systems.

        Experience
        Senior Software Engineer, Ledgerline
        Jan 2020 - Present
        • Built a payment reconciliation service in Rust handling 2 million events a day.
        • Designed PostgreSQL schemas and tuned slow queries for the billing team.
        Software Engineer, Harbor Analytics
        Jun 2016 - Dec 2019
        • Wrote ETL jobs in Python that loaded sales data into the warehouse.

        Education
        BSc in Computer Science, University of Washington, 2012 - 2016

        Skills
        Rust, Python, PostgreSQL, Docker, Kafka
        """;

    /// <summary>What the candidate stored in the answer bank (E4).</summary>
    public static readonly IReadOnlyDictionary<string, string> Stored = new Dictionary<string, string>
    {
        [AnswerKeys.LinkedIn] = "https://www.linkedin.com/in/mayaokafor",
        [AnswerKeys.NoticePeriod] = "4 weeks",
        [AnswerKeys.StartDate] = "January 2027",
        [AnswerKeys.Relocation] = "no",
        [AnswerKeys.Travel] = "yes",
        [AnswerKeys.Sponsorship] = "No",
        [AnswerKeys.WorkAuthorization] = "Yes",
        [AnswerKeys.HeardAbout] = "LinkedIn",
    };

    public ApplicationSites Sites { get; private set; } = null!;
    public FormBrowser Browser { get; } = new(Options.Create(new BrowserFormOptions()), NullLogger<FormBrowser>.Instance);
    public IReadOnlyList<ProfileFact> Facts { get; private set; } = [];
    public AnswerBank Bank { get; private set; } = AnswerBank.Empty;
    public byte[] ResumePdf { get; } = MinimalPdfWriter.SingleColumn(ResumeText);
    public byte[] CoverLetter { get; } = Encoding.UTF8.GetBytes("Dear Acme Data team,\n\nI build payment systems in Rust.\n\nMaya Okafor\n");

    public static bool HasChromium => File.Exists(new BrowserFormOptions().ChromiumPath);

    public static void RequireChromium() => Infrastructure.Require(HasChromium, $"Chromium not found at {new BrowserFormOptions().ChromiumPath}: run scripts/setup.sh");

    public async Task InitializeAsync()
    {
        Sites = await ApplicationSites.StartAsync();
        var parsed = await new ProfileParser(TimeProvider.System).ParseAsync(Encoding.UTF8.GetBytes(ResumeText), "resume.txt");
        Facts = FactExtractor.Extract(parsed, Guid.NewGuid(), 1);
        Bank = new AnswerBank(Stored.ToDictionary(kv => kv.Key, kv => AnswerBank.Normalize(kv.Key, kv.Value).Value ?? throw new InvalidOperationException(kv.Key)));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Sites.DisposeAsync();
    }

    public BrowserFormChannel Channel(BrowserFormOptions? options = null) =>
        new(Browser, Options.Create(options ?? new BrowserFormOptions()), TimeProvider.System, NullLogger<BrowserFormChannel>.Instance);

    public static JobPosting Posting() => new()
    {
        SourceKind = "test", ExternalId = "1", Title = "Backend Engineer", Company = "Acme Data",
        Requirements = ["Rust", "PostgreSQL query tuning", "Kafka"],
        Description = new PostingDescription("We build a payments platform in Rust.", ""),
        Application = new ApplicationRoute(ApplicationType.Form, "test"),
    };

    /// <summary>An application's package with its own resume and cover letter, answered by the real answerer.</summary>
    public SubmissionPackage Package(Uri url, bool dryRun = false, byte[]? resume = null, AnswerBank? bank = null, Func<SubmissionFile, SubmissionFile>? alter = null)
    {
        var (applicationId, postingId) = (Guid.NewGuid(), Guid.NewGuid());
        var files = new[]
        {
            SubmissionFiles.Create(SubmissionFileKinds.Resume, "Maya-Okafor-resume.pdf", "application/pdf", resume ?? ResumePdf, Guid.NewGuid(), 2, applicationId, postingId),
            SubmissionFiles.Create(SubmissionFileKinds.CoverLetter, "Maya-Okafor-cover-letter.txt", "text/plain", CoverLetter, Guid.NewGuid(), 1, applicationId, postingId),
        }.Select(f => alter?.Invoke(f) ?? f).ToList();
        var answerer = new ProfileFormAnswerer(new FactSheet(Facts), new PostingTarget(Posting()), bank ?? Bank, files, "I build payment systems in Rust.");
        return new SubmissionPackage(applicationId, "user-1", postingId, $"app-{applicationId:N}", "Acme Data", "Backend Engineer", url, null,
            new CandidateContact("Maya Okafor", "maya.okafor@example.com", "+1 415 555 0137", "San Francisco, CA"), files, "I build payment systems in Rust.", answerer, dryRun);
    }

    /// <summary>Where screenshots go: beside the test binaries, kept after the run for people to look at.</summary>
    public static async Task SaveProofAsync(string test, SubmissionResult result)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser-form", test);
        Directory.CreateDirectory(folder);
        foreach (var proof in result.ProofItems) await File.WriteAllBytesAsync(Path.Combine(folder, proof.FileName), proof.Content);
    }
}
