using Jobsmith.Core.Ai;

namespace Jobsmith.Core.Profiles.Model;

/// <summary>
/// How a model took part in analysing a resume: its token usage (callers store it on the agent task),
/// the prompt used, how many of its values were dropped because the source text does not contain them,
/// and how many passed that check but could not be placed in the text. Failed is set when the call or its
/// reply failed and the profile is the rule-based one alone.
/// </summary>
public sealed record ResumeAiReport(AiUsage Usage, string PromptId, int DroppedValues, int UnlocatedValues, bool Failed = false);
