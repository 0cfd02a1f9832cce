using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Core.Jobs;

/// <summary>Every registered source by its kind name (the CLI's --source value).</summary>
public sealed class JobSourceCatalog
{
    private readonly Dictionary<string, IJobSource> _byKind;

    public JobSourceCatalog(IEnumerable<IJobSource> sources) =>
        _byKind = sources.ToDictionary(s => s.Descriptor.Kind, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<SourceDescriptor> Descriptors => _byKind.Values.Select(s => s.Descriptor).OrderBy(d => d.Kind, StringComparer.Ordinal).ToList();

    public IJobSource Get(string kind) => _byKind.TryGetValue(kind, out var source)
        ? source
        : throw new ArgumentException($"unknown source '{kind}'; known sources: {string.Join(", ", _byKind.Keys.Order(StringComparer.Ordinal))}");
}
