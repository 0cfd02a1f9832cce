using Jobsmith.Core.Documents;

namespace Jobsmith.Web.Components.Pages.Documents;

/// <summary>Where the document workspace lives, and the words the UI uses for document kinds and engines.</summary>
public static class DocumentLinks
{
    public static string Workspace(Guid postingId, string kind, string? done = null) =>
        $"/documents/{postingId}?kind={kind}" + (done is null ? "" : $"&done={done}");

    public static string Version(DocumentView document, string? done = null) =>
        Workspace(document.PostingId, document.Kind, done) + $"&v={document.Id}";

    public static string KindLabel(string kind) => kind switch
    {
        DocumentKinds.Resume => "Resume",
        DocumentKinds.CoverLetter => "Cover letter",
        DocumentKinds.Answers => "Form answers",
        _ => kind,
    };

    public static string EngineLabel(string engine) => engine == DocumentService.EditedEngine ? "Edited by you" : "Generated from your profile";
}
