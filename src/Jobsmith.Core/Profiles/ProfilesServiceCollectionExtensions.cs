using Jobsmith.Core.Ai;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.JsonResume;
using Jobsmith.Core.Profiles.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Profiles;

public static class ProfilesServiceCollectionExtensions
{
    /// <summary>Resume import and analysis, with limits from the "Jobsmith:ResumeImport" configuration section.</summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddOptions<ResumeImportOptions>()
            .BindConfiguration(ResumeImportOptions.SectionName)
            .Validate(o => o.MaxBytes > 0 && o.MaxPages > 0 && o.ToolTimeout > TimeSpan.Zero && o.MaxXmlDepth > 0,
                "Jobsmith:ResumeImport limits must be positive")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ResumeImporter(sp.GetRequiredService<IOptions<ResumeImportOptions>>().Value));
        services.AddSingleton(sp => new ResumeAnalyzer(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new JsonResumeImporter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ProfileParser(sp.GetRequiredService<ResumeImporter>(),
            sp.GetRequiredService<ResumeAnalyzer>(), sp.GetRequiredService<JsonResumeImporter>(), LlmAnalyzer(sp), sp.GetService<Flags.AgentSwitches>()));
        return services;
    }

    // The AI layer (AddJobsmithAi) registers StructuredExtraction only when a chat provider is configured.
    private static LlmResumeAnalyzer? LlmAnalyzer(IServiceProvider sp) =>
        sp.GetService<AiAvailability>() is { ChatAvailable: true } && sp.GetService<StructuredExtraction>() is { } extraction
            ? new LlmResumeAnalyzer(extraction, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<LlmResumeAnalyzer>>())
            : null;
}
