using Jobsmith.Core.Flags;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.JsonResume;
using Jobsmith.Core.Profiles.Llm;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles;

/// <summary>
/// One call from a resume file to a profile, for the CLI (<c>jobsmith profile parse</c>), the web upload
/// and agents. Bad input throws <see cref="ResumeImportException"/> with a message fit for the user.
/// With a language model configured (<paramref name="llm"/> set) text resumes are also read by the model and
/// <see cref="ParsedResume.Ai"/> carries its token usage; without one the analysis is rule-based only.
/// </summary>
public sealed class ProfileParser(ResumeImporter importer, ResumeAnalyzer analyzer, JsonResumeImporter jsonResume,
    LlmResumeAnalyzer? llm = null, AgentSwitches? switches = null)
{
    public ProfileParser(ResumeImportOptions options, TimeProvider timeProvider)
        : this(new ResumeImporter(options), new ResumeAnalyzer(timeProvider), new JsonResumeImporter(timeProvider)) { }

    public ProfileParser(TimeProvider timeProvider) : this(new ResumeImportOptions(), timeProvider) { }

    public async Task<ParsedResume> ParseFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new ResumeImportException(ResumeImportError.FileNotFound, $"The file '{file.Name}' does not exist.");
        // Refuse before reading, so a huge file never lands in memory.
        if (file.Length > importer.Options.MaxBytes)
            throw new ResumeImportException(ResumeImportError.TooLarge,
                $"The file is {file.Length / 1024.0 / 1024.0:0.0} MB; the limit is {importer.Options.MaxBytes / 1024.0 / 1024.0:0.#} MB.");
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        return await ParseAsync(content, file.Name, cancellationToken);
    }

    public async Task<ParsedResume> ParseAsync(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        var text = await importer.ImportAsync(content, fileName, cancellationToken);
        // JSON Resume is already structured: there is nothing for a model to read.
        if (text.Kind == ResumeFileKind.JsonResume) return jsonResume.Import(content);
        var resume = analyzer.Analyze(text);
        if (llm is null) return resume;
        // The model's reading is the resume-analyzer agent: an admin can switch it off, leaving the rule-based reading.
        if (switches is not null && !await switches.IsOnAsync(FeatureFlagCatalog.ResumeAnalyzer, cancellationToken)) return resume;
        return await llm.EnrichAsync(resume, cancellationToken);
    }
}
