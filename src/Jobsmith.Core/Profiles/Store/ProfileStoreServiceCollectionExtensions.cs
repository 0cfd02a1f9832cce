using Jobsmith.Core.Profiles.Preferences;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Profiles.Store;

public static class ProfileStoreServiceCollectionExtensions
{
    /// <summary>Stored profiles, resume versions, user skills, preferences and readiness (B1, B3, B5, A3).</summary>
    public static IServiceCollection AddProfileStore(this IServiceCollection services)
    {
        services.AddScoped<ProfileStore>();
        services.AddScoped<UserSkills>();
        services.AddScoped<ResumeUploads>();
        services.AddScoped<PreferencesService>();
        services.AddScoped<ProfileReadiness>();
        services.AddScoped<Onboarding.OnboardingFlow>();
        return services;
    }
}
