using System.Text;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Rendering;
using Jobsmith.Rendering.Pdf;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jobsmith.Tests.Documents.Rendering;

/// <summary>
/// One real renderer (and so one warm Chromium) for the rendering tests, plus a candidate profile that the
/// project's own parser read from a plain-text resume, as an upload would be read.
/// </summary>
public sealed class RenderingFixture : IAsyncLifetime
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
        • Mentored four engineers through code review and pairing.
        Software Engineer, Harbor Analytics
        Jun 2016 - Dec 2019
        • Wrote ETL jobs in Python that loaded sales data into the warehouse.
        • Introduced Docker based deployments for internal services.

        Education
        BSc in Computer Science, University of Washington, 2012 - 2016

        Skills
        Rust, Python, PostgreSQL, Docker, Kafka, Terraform
        """;

    public PdfBrowser Browser { get; }
    public DocumentRenderer Renderer { get; }
    public ProfileParser Parser { get; } = new(TimeProvider.System);
    public IReadOnlyList<ProfileFact> Facts { get; private set; } = [];
    public ParsedResume Source { get; private set; } = null!;

    public RenderingFixture()
    {
        var options = Options.Create(new RenderingOptions());
        Browser = new PdfBrowser(options, NullLogger<PdfBrowser>.Instance);
        Renderer = new DocumentRenderer(Browser, options, new ServiceCollection().BuildServiceProvider());
    }

    public async Task InitializeAsync()
    {
        Source = await Parser.ParseAsync(Encoding.UTF8.GetBytes(ResumeText), "resume.txt");
        Facts = FactExtractor.Extract(Source, Guid.NewGuid(), 1);
    }

    public async Task DisposeAsync() => await Browser.DisposeAsync();

    public static bool HasChromium => File.Exists(new RenderingOptions().ChromiumPath);

    public static void RequireChromium() => Infrastructure.Require(HasChromium, $"Chromium not found at {new RenderingOptions().ChromiumPath}: run scripts/setup.sh");

    public static void RequirePoppler(string tool) =>
        Infrastructure.Require(File.Exists($"/usr/bin/{tool}"), $"{tool} (poppler-utils) not found: run scripts/setup.sh");

    /// <summary>A stored-looking view of a draft, as DocumentService hands it to the renderer.</summary>
    public static DocumentView View(DocumentDraft draft, int version = 1) => new(Guid.NewGuid(), Guid.NewGuid(), draft.Kind, version,
        DocumentService.DeterministicEngine, DocumentService.DefaultTemplate, DocumentStatus.Draft, draft.Lines, [], new Coverage([], []), draft.Notes,
        new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), null);

    public (FactSheet Sheet, PostingTarget Posting) Inputs() => (new FactSheet(Facts), new PostingTarget(DocumentEngineTests.Posting()));

    /// <summary>Where rendered files go: beside the test binaries, kept after the run for people to look at.</summary>
    public static string OutputPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "rendering");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
