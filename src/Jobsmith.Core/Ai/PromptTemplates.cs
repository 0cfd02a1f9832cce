using System.Collections.Concurrent;

namespace Jobsmith.Core.Ai;

/// <summary>Loads prompt templates embedded from Ai/Prompts/{name}.v{version}.txt.</summary>
public sealed class PromptTemplates
{
    // Matches the LogicalName given to the embedded resources in Jobsmith.Core.csproj.
    private const string ResourcePrefix = "Jobsmith.Ai.Prompts.";

    private readonly ConcurrentDictionary<(string, int), PromptTemplate> _cache = new();

    public PromptTemplate Load(string name, int version) =>
        _cache.GetOrAdd((name, version), static key => Read(key.Item1, key.Item2));

    /// <summary>Ids of every embedded template, e.g. "resume-extract.v1".</summary>
    public static IReadOnlyList<string> Available() =>
        typeof(PromptTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".txt".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    private static PromptTemplate Read(string name, int version)
    {
        var resource = $"{ResourcePrefix}{name}.v{version}.txt";
        using var stream = typeof(PromptTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new KeyNotFoundException($"No prompt template {name}.v{version}; available: {string.Join(", ", Available())}.");
        using var reader = new StreamReader(stream);
        return new PromptTemplate(name, version, reader.ReadToEnd());
    }
}
