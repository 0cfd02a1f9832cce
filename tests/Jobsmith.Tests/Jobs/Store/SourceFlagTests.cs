using Jobsmith.Core.Flags;
using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Tests.Jobs.Store;

public sealed class SourceFlagTests
{
    [Fact]
    public void Flag_catalogue_lists_exactly_the_registered_sources_with_matching_names_and_defaults()
    {
        using var fetcher = TestFetchers.Loopback();
        var descriptors = JobSources.Catalog(fetcher).Descriptors;
        var flags = FeatureFlagCatalog.All.Where(f => f.Group == "source").ToList();

        Assert.Equal(descriptors.Select(d => FeatureFlagCatalog.SourceFlag(d.Kind)).Order(StringComparer.Ordinal), flags.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(descriptors.Select(d => d.Kind).Order(StringComparer.Ordinal),
            FeatureFlagCatalog.Sources.Concat(FeatureFlagCatalog.BigBoards).Order(StringComparer.Ordinal));
        Assert.All(descriptors, d =>
        {
            Assert.Equal(FeatureFlagCatalog.SourceFlag(d.Kind), d.FeatureFlag);
            Assert.Equal(d.EnabledByDefault, FeatureFlagCatalog.Find(d.FeatureFlag)!.DefaultEnabled);
        });
        Assert.Equal(["glassdoor", "indeed", "linkedin", "naukri"], FeatureFlagCatalog.BigBoards.Order(StringComparer.Ordinal));
        Assert.All(FeatureFlagCatalog.BigBoards, b => Assert.False(FeatureFlagCatalog.Find(FeatureFlagCatalog.SourceFlag(b))!.DefaultEnabled));
    }
}
