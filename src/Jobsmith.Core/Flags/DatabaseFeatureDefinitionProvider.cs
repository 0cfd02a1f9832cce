using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace Jobsmith.Core.Flags;

/// <summary>Feeds Microsoft.FeatureManagement from the catalogue and the admin's persisted overrides.</summary>
internal sealed class DatabaseFeatureDefinitionProvider(FeatureFlagStore store) : IFeatureDefinitionProvider
{
    private static readonly FeatureFilterConfiguration[] On = [new() { Name = "AlwaysOn" }];

    public async Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName)
    {
        var states = await store.GetStatesAsync();
        return Define(featureName, states.TryGetValue(featureName, out var enabled) && enabled);
    }

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        foreach (var (name, enabled) in await store.GetStatesAsync())
            yield return Define(name, enabled);
    }

    private static FeatureDefinition Define(string name, bool enabled) =>
        new() { Name = name, EnabledFor = enabled ? On : [] };
}
