using System.Runtime.Intrinsics;

namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>
/// 64-bit SimHash (Charikar) over word 3-shingles of normalized text: near-identical texts get fingerprints
/// a few bits apart, so reposts and lightly edited syndicated copies can be found by Hamming distance.
/// </summary>
public static class SimHash
{
    private const int ShingleSize = 3;

    // For each byte value, its 8 bits as +1/-1 votes: a shingle's 64 votes are 8 vector adds, not 64 branches.
    private static readonly Vector256<int>[] ByteVotes = BuildByteVotes();

    public static ulong Of(string text)
    {
        var words = WordHashes(text);
        if (words.Count == 0) return 0;
        Span<Vector256<int>> weights = stackalloc Vector256<int>[8];
        weights.Clear();
        var n = Math.Max(1, words.Count - ShingleSize + 1);
        for (var i = 0; i < n; i++)
        {
            var h = words[i];
            for (var j = 1; j < ShingleSize && i + j < words.Count; j++) h = Mix(h * 31 + words[i + j]);
            for (var b = 0; b < 8; b++) weights[b] += ByteVotes[(int)((h >> (8 * b)) & 0xFF)];
        }
        ulong fingerprint = 0;
        for (var b = 0; b < 8; b++)
        {
            var positive = Vector256.GreaterThan(weights[b], Vector256<int>.Zero).ExtractMostSignificantBits();
            fingerprint |= (ulong)positive << (8 * b);
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
            if (char.IsAsciiLetterOrDigit(c) || (c > 127 && char.IsLetterOrDigit(c)))
            {
                hash = (hash ^ (c <= 127 ? (char)(c | 0x20) : char.ToLowerInvariant(c))) * fnvPrime;
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

    private static Vector256<int>[] BuildByteVotes()
    {
        var table = new Vector256<int>[256];
        Span<int> lanes = stackalloc int[8];
        for (var value = 0; value < 256; value++)
        {
            for (var bit = 0; bit < 8; bit++) lanes[bit] = ((value >> bit) & 1) == 1 ? 1 : -1;
            table[value] = Vector256.Create<int>(lanes);
        }
        return table;
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
