using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Matching;
using Microsoft.Data.Sqlite;

namespace Jobsmith.Bench.Matching;

/// <summary>
/// Issue 5, D3: the lexical top 20 for one real profile, our <see cref="Bm25Index"/> (built inside
/// <see cref="PostingIndex.Build"/>) against an in-memory SQLite FTS5 table ranked by bm25(t, 3.0, 2.0, 1.0)
/// (title, skills, text, mirroring our field weights). Same N postings, same query terms (the profile's
/// <see cref="MatchProfile.LexicalQuery"/>, as OR for FTS5, which has no per-term weights). Index build and
/// table fill happen in setup and are printed once per N, with the top-20 overlap of the two paths.
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- --filter '*LexicalPath*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class LexicalPathBenchmarks
{
    private const int Top = 20;

    private static readonly Lazy<(JobPosting[] Real, MatchProfile Profile)> Inputs = new(() =>
        (MatchingBenchData.Ashby(), MatchingBenchData.DotinProfiles(1)[0]));

    private static readonly Dictionary<int, Corpus> Built = [];

    private Corpus _corpus = null!;
    private float[] _scores = [];

    [Params(10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (!Built.TryGetValue(N, out var corpus))
        {
            if (Built.Count == 0) PrintRealCorpusOverlap();
            Built[N] = corpus = Corpus.Create(N, Inputs.Value.Real, Inputs.Value.Profile, report: true);
        }
        _corpus = corpus;
        _scores = new float[N];
    }

    [Benchmark(Baseline = true)]
    public int[] OwnBm25Top20() => _corpus.OwnTop(_scores);

    [Benchmark]
    public int[] SqliteFts5Top20() => _corpus.FtsTop();

    private static void PrintRealCorpusOverlap()
    {
        var (real, profile) = Inputs.Value;
        using var corpus = Corpus.Create(real.Length, real, profile, report: false, synthesize: false);
        var own = corpus.OwnTop(new float[real.Length]);
        var fts = corpus.FtsTop();
        Console.WriteLine($"// real Ashby corpus ({real.Length} postings), query of {corpus.Query.Count} terms: top-{Top} overlap " +
                          $"{own.Intersect(fts).Count()}/{Top}; top 5 own: {string.Join(" | ", own.Take(5).Select(i => real[i].Title))}; " +
                          $"top 5 FTS5: {string.Join(" | ", fts.Take(5).Select(i => real[i].Title))}");
    }

    private sealed class Corpus : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _select;

        private Corpus(PostingIndex index, Dictionary<string, float> query, SqliteConnection connection)
        {
            Index = index;
            Query = query;
            _connection = connection;
            _select = connection.CreateCommand();
            _select.CommandText = "SELECT rowid FROM t WHERE t MATCH $q ORDER BY rank LIMIT " + Top.ToString(CultureInfo.InvariantCulture);
            _select.Parameters.AddWithValue("$q", string.Join(" OR ", query.Keys.Select(k => "\"" + k + "\"")));
            _select.Prepare();
        }

        public PostingIndex Index { get; }

        public Dictionary<string, float> Query { get; }

        public static Corpus Create(int count, JobPosting[] real, MatchProfile profile, bool report, bool synthesize = true)
        {
            var postings = synthesize ? MatchingBenchData.Synthesize(real, count) : real;
            var watch = Stopwatch.StartNew();
            var index = PostingIndex.Build(postings, sif: null);
            var indexSeconds = watch.Elapsed.TotalSeconds;
            // BM25 alone, rebuilt from the same documents PostingIndex feeds it (the facts above are shared by both paths).
            watch.Restart();
            var bm25 = Bm25Index.Build(count, i => Document(index, i), i => Protected(index, i));
            var bm25Seconds = watch.Elapsed.TotalSeconds;

            watch.Restart();
            var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            Execute(connection, "CREATE VIRTUAL TABLE t USING fts5(title, skills, text, content='', tokenize=\"unicode61 tokenchars '+#'\")");
            Execute(connection, "INSERT INTO t(t, rank) VALUES('rank', 'bm25(3.0, 2.0, 1.0)')");
            using (var transaction = connection.BeginTransaction())
            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO t(rowid, title, skills, text) VALUES ($id, $title, $skills, $text)";
                var id = insert.Parameters.Add("$id", SqliteType.Integer);
                var title = insert.Parameters.Add("$title", SqliteType.Text);
                var skills = insert.Parameters.Add("$skills", SqliteType.Text);
                var text = insert.Parameters.Add("$text", SqliteType.Text);
                insert.Prepare();
                for (var i = 0; i < count; i++)
                {
                    var posting = index[i];
                    id.Value = i;
                    title.Value = posting.Title;
                    skills.Value = string.Join(", ", index.Facts(i).Skills);
                    text.Value = posting.Description.Text + "\n" + string.Join("\n", posting.Requirements);
                    insert.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            var fillSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            Execute(connection, "INSERT INTO t(t) VALUES('optimize')");
            var optimizeSeconds = watch.Elapsed.TotalSeconds;

            var corpus = new Corpus(index, profile.LexicalQuery(index.Lexical), connection);
            if (report)
            {
                using var pages = connection.CreateCommand();
                pages.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
                var bytes = Convert.ToInt64(pages.ExecuteScalar(), CultureInfo.InvariantCulture);
                var own = corpus.OwnTop(new float[count]);
                var fts = corpus.FtsTop();
                // Synthetic postings repeat (title, description) pairs every real.Length postings: compare contents too.
                var ownContent = own.Select(i => i % real.Length).ToHashSet();
                var ftsContent = fts.Select(i => i % real.Length).ToHashSet();
                var ownDistinct = corpus.OwnRanked(new float[count]).Select(i => i % real.Length).Distinct().Take(Top).ToArray();
                var ftsRanked = corpus.FtsRanked();
                var ftsDistinct = ftsRanked.Select(i => i % real.Length).Distinct().Take(Top).ToArray();
                Console.WriteLine($"// N={count:N0}: PostingIndex.Build (analysis + BM25) {indexSeconds:F1} s, BM25 alone {bm25Seconds:F1} s " +
                                  $"({bm25.EntryCount:N0} entries, {bm25.TermCount:N0} terms); FTS5 fill {fillSeconds:F1} s + optimize {optimizeSeconds:F1} s " +
                                  $"({bytes / (1024 * 1024)} MB of pages)");
                Console.WriteLine($"// N={count:N0}: query {corpus.Query.Count} terms ({string.Join(" ", corpus.Query.Keys)}); top-{Top} overlap by posting " +
                                  $"{own.Intersect(fts).Count()}/{Top}, by content {ownContent.Intersect(ftsContent).Count()}/{ownContent.Count} own vs {ftsContent.Count} FTS5 distinct; " +
                                  $"top-{Top} distinct contents overlap {ownDistinct.Intersect(ftsDistinct).Count()}/{Top}; the OR matches {ftsRanked.Count:N0} postings");
            }
            return corpus;
        }

        /// <summary>Own path: clear, score every posting through the postings lists, keep the best 20 (best first).</summary>
        public int[] OwnTop(float[] scores)
        {
            Array.Clear(scores);
            Index.Lexical.Score(Query, scores);
            var heap = new PriorityQueue<int, float>(Top + 1);
            for (var i = 0; i < scores.Length; i++)
            {
                var s = scores[i];
                if (s <= 0) continue;
                if (heap.Count < Top) heap.Enqueue(i, s);
                else if (heap.TryPeek(out _, out var min) && s > min) heap.EnqueueDequeue(i, s);
            }
            var top = new int[heap.Count];
            for (var k = top.Length - 1; k >= 0; k--) top[k] = heap.Dequeue();
            return top;
        }

        /// <summary>Every scoring posting, best first (setup only, for the overlap of distinct contents).</summary>
        public IEnumerable<int> OwnRanked(float[] scores)
        {
            Index.Lexical.Score(Query, scores);
            return Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0).OrderByDescending(i => scores[i]).ThenBy(i => i);
        }

        /// <summary>Every matching posting in FTS5 rank order (setup only).</summary>
        public List<int> FtsRanked()
        {
            using var all = _connection.CreateCommand();
            all.CommandText = "SELECT rowid FROM t WHERE t MATCH $q ORDER BY rank";
            all.Parameters.AddWithValue("$q", _select.Parameters["$q"].Value);
            var ranked = new List<int>();
            using var reader = all.ExecuteReader();
            while (reader.Read()) ranked.Add((int)reader.GetInt64(0));
            return ranked;
        }

        /// <summary>FTS5 path: MATCH over the OR of the query terms, ORDER BY rank (bm25 3/2/1), LIMIT 20.</summary>
        public int[] FtsTop()
        {
            var top = new List<int>(Top);
            using var reader = _select.ExecuteReader();
            while (reader.Read()) top.Add((int)reader.GetInt64(0));
            return [.. top];
        }

        public void Dispose()
        {
            _select.Dispose();
            _connection.Dispose();
        }

        private static void Execute(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        // Mirrors PostingIndex's private BM25 document (title ×3, skills ×2, description and requirements ×1).
        private static Dictionary<string, float> Document(PostingIndex index, int i)
        {
            var posting = index[i];
            var terms = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var t in MatchText.Tokens(posting.Title)) terms[t] = terms.GetValueOrDefault(t) + 3;
            foreach (var t in index.Facts(i).Skills.SelectMany(MatchText.Tokens)) terms[t] = terms.GetValueOrDefault(t) + 2;
            foreach (var t in MatchText.Tokens(posting.Description.Text)) terms[t] = terms.GetValueOrDefault(t) + 1;
            foreach (var t in posting.Requirements.SelectMany(MatchText.Tokens)) terms[t] = terms.GetValueOrDefault(t) + 1;
            return terms;
        }

        private static HashSet<string> Protected(PostingIndex index, int i) =>
            new(MatchText.Tokens(index.Facts(i).Role).Concat(index.Facts(i).Skills.SelectMany(MatchText.Tokens)), StringComparer.Ordinal);
    }

    /// <summary>In process, so each N's index and table are built once and shared by both cases.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
