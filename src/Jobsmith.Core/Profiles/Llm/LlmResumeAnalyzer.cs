using Jobsmith.Core.Ai;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jobsmith.Core.Profiles.Llm;

/// <summary>
/// The AI path of resume analysis (K5): asks the configured model through <see cref="StructuredExtraction"/>
/// with the resume-extract prompt, keeps only values found in the resume, and merges them into the
/// rule-based profile. A failed call or unusable reply leaves the rule-based profile as it is: a resume
/// import must not fail because a model did. Logs carry counts only, never resume content.
/// </summary>
public sealed class LlmResumeAnalyzer(StructuredExtraction extraction, TimeProvider timeProvider, ILogger<LlmResumeAnalyzer>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task<ParsedResume> EnrichAsync(ParsedResume rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ExtractionResult<LlmResumeExtract> result;
        try
        {
            result = await extraction.ExtractAsync<LlmResumeExtract>(
                LlmResumeExtract.PromptName, LlmResumeExtract.PromptVersion, rules.Text.Text, cancellationToken);
        }
        catch (StructuredExtractionException e)
        {
            _logger.LogWarning("Resume extraction reply was unusable ({Tokens} output tokens); keeping the rule-based profile",
                e.Usage.OutputTokens);
            return rules with { Ai = new ResumeAiReport(e.Usage, $"{LlmResumeExtract.PromptName}.v{LlmResumeExtract.PromptVersion}", 0, 0, Failed: true) };
        }
        catch (AiProviderException e)
        {
            _logger.LogWarning("Resume extraction call to {Provider} failed ({Kind}, status {Status}); keeping the rule-based profile",
                e.Provider, e.Kind, e.StatusCode);
            return rules;
        }

        var locate = new TextLocator(rules.Text);
        var merged = LlmResumeMerger.Merge(rules, result.Value, locate);
        merged = merged with
        {
            TotalYearsOfExperience = ExperienceYears.Total(merged.Experience, timeProvider.GetUtcNow()),
            Ai = new ResumeAiReport(result.Usage, result.PromptId, result.Dropped.Count, locate.Unlocated),
        };
        _logger.LogInformation("Resume extraction {PromptId}: {Dropped} values not in the source dropped, {Unlocated} not located, {Tokens} tokens",
            result.PromptId, result.Dropped.Count, locate.Unlocated, result.Usage.InputTokens + result.Usage.OutputTokens);
        return merged with { Completeness = CompletenessScorer.Score(merged) };
    }
}
