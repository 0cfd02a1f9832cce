using Jobsmith.Core.Jobs.Fetching;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Factories for every built-in source, against the real services' base URLs.</summary>
public static class JobSources
{
    public static IReadOnlyList<Func<SafeHttpFetcher, IJobSource>> All { get; } =
    [
        f => new GreenhouseSource(f), f => new LeverSource(f), f => new AshbySource(f), f => new WorkableSource(f),
        f => new JsonLdSource(f), f => new RssSource(f), f => new CsvFileSource(f), f => new JsonResumeJobSource(f), f => new PasteSource(f),
        f => new AdzunaSource(f), f => new JoobleSource(f), f => new RemotiveSource(f), f => new RemoteOkSource(f), f => new ArbeitnowSource(f),
        f => new LinkedInSource(f), f => new IndeedSource(f), f => new GlassdoorSource(f), f => new NaukriSource(f),
    ];

    public static JobSourceCatalog Catalog(SafeHttpFetcher fetcher) => new(All.Select(create => create(fetcher)));
}
