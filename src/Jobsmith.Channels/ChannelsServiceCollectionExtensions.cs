using Jobsmith.Channels.BrowserForm;
using Jobsmith.Core.Applications.Submission;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jobsmith.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>The browser form channel and its one warm browser (configuration section "Channels:BrowserForm").</summary>
    public static IServiceCollection AddBrowserFormChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BrowserFormOptions>(configuration.GetSection(BrowserFormOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FormBrowser>();
        services.TryAddSingleton<BrowserFormChannel>();
        services.AddSingleton<ISubmissionChannel>(sp => sp.GetRequiredService<BrowserFormChannel>());
        return services;
    }
}
