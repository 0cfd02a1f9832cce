namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>
/// 64-bit SimHash (Charikar) over word 3-shingles of normalized text: near-identical texts get fingerprints
/// a few bits apart, so reposts and lightly edited syndicated copies can be found by Hamming distance.
/// </summary>
public static class SimHash
{
    private const int ShingleSize = 3;

    public static ulong Of(string text)
    {
        Span<int> weights = stackalloc int[64];
        var words = WordHashes(text);
        if (words.Count == 0) return 0;
        var n = Math.Max(1, words.Count - ShingleSize + 1);
        for (var i = 0; i < n; i++)
        {
            var h = words[i];
            for (var j = 1; j < ShingleSize && i + j < words.Count; j++) h = Mix(h * 31 + words[i + j]);
            for (var bit = 0; bit < 64; bit++) weights[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
        }
        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0) fingerprint |= 1UL << bit;
        }
        return fingerprint;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    // Lower-cased letters/digits only; accents and punctuation don't distinguish two copies of a posting.
    private static List<ulong> WordHashes(string text)
    {
        var result = new List<ulong>(text.Length / 6);
        const ulong fnvOffset = 14695981039346656037UL, fnvPrime = 1099511628211UL;
        var hash = fnvOffset;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * fnvPrime;
                inWord = true;
                continue;
            }
            if (inWord) result.Add(Mix(hash));
            hash = fnvOffset;
            inWord = false;
        }
        if (inWord) result.Add(Mix(hash));
        return result;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        return x ^ (x >> 33);
    }
}
