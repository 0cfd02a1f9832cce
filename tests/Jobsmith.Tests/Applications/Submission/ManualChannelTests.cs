using System.Text;
using Jobsmith.Core.Applications.Submission;

namespace Jobsmith.Tests.Applications.Submission;

/// <summary>F3 "manual": nothing is sent; the candidate gets where to apply and the checked material, and marks it done.</summary>
public sealed class ManualChannelTests
{
    [Fact]
    public async Task Hands_the_candidate_where_to_apply_and_this_applications_files()
    {
        var package = SubmissionPackages.For("hr@acme.test");

        var result = await new ManualChannel().SubmitAsync(package, CancellationToken.None);

        Assert.Equal((SubmissionOutcome.Escalate, EscalationReasons.Manual), (result.Outcome, result.Escalation));
        Assert.Equal(
            "Apply to Acme for Backend Engineer yourself: open https://jobs.acme.test/backend. Use Jane-Doe-resume.pdf (resume, version 3) "
            + "and Jane-Doe-cover-letter.pdf (cover letter, version 3). The cover letter text is ready to paste. Then mark the application done.",
            result.Details);
        Assert.Equal(["Jane-Doe-resume.pdf", "Jane-Doe-cover-letter.pdf", "cover-letter.txt"], result.ProofItems.Select(p => p.FileName));
        Assert.All(result.ProofItems, p => Assert.Equal(ProofKinds.Escalation, p.Kind));
        Assert.Equal(package.Files.Select(f => f.Content), result.ProofItems.Take(2).Select(p => p.Content));
        Assert.Equal(package.CoverLetterText, Encoding.UTF8.GetString(result.ProofItems[2].Content));
    }

    [Fact]
    public async Task Without_a_link_it_points_to_the_address_and_a_dry_run_is_not_sent()
    {
        var package = SubmissionPackages.For("hr@acme.test", coverLetterText: null) with { ApplyUrl = null, DryRun = true };

        var result = await new ManualChannel().SubmitAsync(package, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, result.Outcome);
        Assert.StartsWith("Dry run: Apply to Acme for Backend Engineer yourself: email hr@acme.test.", result.Details, StringComparison.Ordinal);
        Assert.Equal(2, result.ProofItems.Count);
    }

    [Fact]
    public async Task A_file_prepared_for_another_job_is_never_handed_over()
    {
        var package = SubmissionPackages.For("hr@acme.test");
        var resume = package.FileOf(SubmissionFileKinds.Resume)!;

        var result = await new ManualChannel().SubmitAsync(package with { Files = [resume with { PostingId = Guid.NewGuid() }] }, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, result.Outcome);
        Assert.Contains("Jane-Doe-resume.pdf was prepared for a different application or job", result.Details, StringComparison.Ordinal);
        Assert.Empty(result.ProofItems);
    }
}
