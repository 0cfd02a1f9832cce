using System.Security.Cryptography;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Rendering;
using Jobsmith.Tests.Applications.Channels;
using Jobsmith.Tests.Matching.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Documents.Rendering;

/// <summary>
/// E3, F7: the approval prints the approved versions once, and the send attaches those very bytes; prints made at the
/// same moment keep one file.
/// </summary>
public sealed class RenderedFilesTests
{
    [SkippableFact]
    public async Task The_send_attaches_the_pdfs_printed_at_approval_and_a_race_keeps_one_print()
    {
        BrowserFormFixture.RequireChromium();
        await using var harness = await MatchStoreHarness.CreateAsync("sqlite", s => s.AddDocumentRendering());
        var user = await harness.AddCandidateAsync("printed@example.com");
        await harness.InScopeAsync(sp => sp.GetRequiredService<Core.Matching.Store.MatchRunner>().RunAsync(user, 20, CancellationToken.None));
        var posting = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().Where(p => p.ExternalId == "s-1").Select(p => p.Id).SingleAsync());
        var actor = ApplicationActor.Candidate(user);
        var prepared = (await harness.InScopeAsync(sp => sp.GetRequiredService<Approvals>().PrepareAsync(user, posting, actor, CancellationToken.None)))!;
        var approved = await harness.InScopeAsync(sp => sp.GetRequiredService<Approvals>().ApproveAsync(user, prepared.Id, prepared.Revision, actor, CancellationToken.None));
        Assert.Equal(ApprovalStatus.Done, approved.Status);

        var printed = Directory.GetFiles(Path.Combine(harness.Database.Folder, RenderedFiles.Folder), "*.pdf", SearchOption.AllDirectories);
        Assert.Equal(2, printed.Length);
        // Marked, so a send that printed again (PDFs printed in the same second can be byte-identical) could not pass.
        foreach (var file in printed) await File.AppendAllTextAsync(file, "\n%kept-print\n");
        var hashes = printed.Select(p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))).Order(StringComparer.Ordinal).ToList();

        var package = await harness.InScopeAsync(async sp =>
        {
            var application = await sp.GetRequiredService<AppDbContext>().Set<JobApplication>().AsNoTracking().SingleAsync(a => a.Id == prepared.Id);
            return await sp.GetRequiredService<SubmissionPackages>().BuildAsync(application, "Elm", "Senior Backend Engineer",
                new ChannelChoice(ChannelNames.Email, "elm.example", "jobs@elm.example", "test"), null, dryRun: true, CancellationToken.None);
        });
        Assert.Null(package.Problem);
        Assert.Equal(hashes, package.Files.Select(f => f.Sha256.ToUpperInvariant()).Order(StringComparer.Ordinal));

        // A document nobody printed yet, asked for by two senders at once: both get a PDF, one print is kept.
        var letter = (await harness.InScopeAsync(sp => sp.GetRequiredService<DocumentService>().LatestAsync(user, posting, CancellationToken.None)))
            .Single(d => d.Kind == DocumentKinds.CoverLetter);
        var other = letter with { Version = letter.Version + 100 };
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => harness.InScopeAsync(sp => sp.GetRequiredService<RenderedFiles>().PdfAsync(other, CancellationToken.None))));
        Assert.All(both, f => Assert.Equal("%PDF"u8.ToArray(), f.Content[..4]));
        Assert.Single(Directory.GetFiles(Path.Combine(harness.Database.Folder, RenderedFiles.Folder, letter.Id.ToString("N")), "*.pdf", SearchOption.AllDirectories),
            f => f.Contains($"v{other.Version}-", StringComparison.Ordinal));
    }
}
