using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Rendering;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>A package, or why none can be built (a document not approved, no way to reach the candidate).</summary>
public sealed record PackageResult(SubmissionPackage? Package, string? Problem, IReadOnlyList<SubmissionFile> Files);

/// <summary>
/// Builds what a channel may send for one application (F2, F7): only the newest version of each document, and only if
/// the candidate approved that very version — an edit after approval needs approving again. The resume and cover
/// letter are the PDFs printed when they were approved (<see cref="RenderedFiles"/>; printed here if not), hashed, and
/// tagged with the application and posting they were made for.
/// </summary>
public sealed class SubmissionPackages(DocumentService documents, RenderedFiles rendered)
{
    public async Task<PackageResult> BuildAsync(JobApplication application, string company, string title, ChannelChoice choice, Uri? applyUrl,
        bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(choice);
        var latest = await documents.LatestAsync(application.UserId, application.PostingId, cancellationToken);
        var files = new List<SubmissionFile>();
        string? letterText = null;
        foreach (var kind in new[] { DocumentKinds.Resume, DocumentKinds.CoverLetter })
        {
            var document = latest.FirstOrDefault(d => d.Kind == kind);
            var label = kind == DocumentKinds.Resume ? "resume" : "cover letter";
            if (document is null) return new(null, $"There is no tailored {label} for this posting yet.", files);
            if (document.Status != DocumentStatus.Approved)
                return new(null, $"The newest {label} (version {document.Version}) is not approved: approve it before anything is sent.", files);
            var pdf = await rendered.PdfAsync(document, cancellationToken);
            files.Add(SubmissionFiles.Create(kind == DocumentKinds.Resume ? SubmissionFileKinds.Resume : SubmissionFileKinds.CoverLetter,
                pdf.FileName, pdf.ContentType, pdf.Content, document.Id, document.Version, application.Id, application.PostingId));
            if (kind == DocumentKinds.CoverLetter) letterText = string.Join("\n\n", document.Lines.Select(l => l.Text).Where(t => t.Length > 0));
        }

        var (sheet, posting, bank) = await documents.SourcesAsync(application.UserId, application.PostingId, cancellationToken);
        var name = sheet.First("name")?.Value.Trim();
        var email = sheet.First("email")?.Value.Trim();
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(email))
            return new(null, "Your profile has no name or email address to apply with: add them on your profile.", files);
        var contact = new CandidateContact(name, email, sheet.First("phone")?.Value.Trim(), sheet.First("location")?.Value.Trim());
        var package = new SubmissionPackage(application.Id, application.UserId, application.PostingId, SendGuard.KeyFor(application.Id),
            company, title, applyUrl, choice.Email, contact, files, letterText, new ProfileFormAnswerer(sheet, posting, bank, files), dryRun);
        return new(package, null, files);
    }
}
