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
        Span<Vector256<int>> weights = stackalloc Vector256<int>[8];
        weights.Clear();
        // Shingles are hashed as the words stream past (a window of the last two word hashes), so no per-text
        // list of word hashes is allocated. A text of one or two words is a single shingle of all its words.
        ulong first = 0, second = 0;
        var count = 0;
        foreach (var word in new WordHashes(text))
        {
            if (count >= ShingleSize - 1) Vote(weights, Mix(Mix(first * 31 + second) * 31 + word));
            (first, second) = (second, word);
            count++;
        }
        if (count == 0) return 0;
        if (count == 1) Vote(weights, second);
        else if (count == 2) Vote(weights, Mix(first * 31 + second));
        ulong fingerprint = 0;
        for (var b = 0; b < 8; b++)
        {
            var positive = Vector256.GreaterThan(weights[b], Vector256<int>.Zero).ExtractMostSignificantBits();
            fingerprint |= (ulong)positive << (8 * b);
        }
        return fingerprint;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    private static void Vote(Span<Vector256<int>> weights, ulong h)
    {
        for (var b = 0; b < 8; b++) weights[b] += ByteVotes[(int)((h >> (8 * b)) & 0xFF)];
    }

    /// <summary>
    /// Hashes of the words of a text, lower-cased letters/digits only; accents and punctuation don't
    /// distinguish two copies of a posting. A struct enumerator, so walking a text allocates nothing.
    /// </summary>
    private ref struct WordHashes(string text)
    {
        private const ulong FnvOffset = 14695981039346656037UL, FnvPrime = 1099511628211UL;
        private int _position;

        public ulong Current { get; private set; }

        public readonly WordHashes GetEnumerator() => this;

        public bool MoveNext()
        {
            var hash = FnvOffset;
            var inWord = false;
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (char.IsAsciiLetterOrDigit(c) || (c > 127 && char.IsLetterOrDigit(c)))
                {
                    hash = (hash ^ (c <= 127 ? (char)(c | 0x20) : char.ToLowerInvariant(c))) * FnvPrime;
                    inWord = true;
                }
                else if (inWord)
                {
                    Current = Mix(hash);
                    return true;
                }
            }
            if (!inWord) return false;
            Current = Mix(hash);
            return true;
        }
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
