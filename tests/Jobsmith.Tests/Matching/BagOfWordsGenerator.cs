using Jobsmith.Core.Matching;
using Microsoft.Extensions.AI;

namespace Jobsmith.Tests.Matching;

/// <summary>Hashes words into a small vector: enough to tell "sql tableau" from "cooking" without a model.</summary>
internal sealed class BagOfWordsGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 32;

    public List<string> Texts { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            Texts.Add(text);
            var vector = new float[Dimensions];
            foreach (var token in MatchText.Tokens(text)) vector[(int)((uint)StableHash(token) % Dimensions)] += 1;
            result.Add(new Embedding<float>(vector));
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static int StableHash(string s) => s.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
