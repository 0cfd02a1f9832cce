using System.Text;
using System.Text.RegularExpressions;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>
/// "Words in the posting" through the full-text index instead of a scan of every description: SQLite's FTS5 table
/// job_postings_fts, PostgreSQL's GIN expression index (migration M0026). Every word of the query must
/// start a word of the title, company or description (so "kube" finds Kubernetes); punctuation is ignored.
/// </summary>
internal static partial class PostingTextSearch
{
    private const int MaxWords = 8;

    /// <summary>The postings matching <paramref name="text"/>, or null when it holds no word to search for.</summary>
    public static IQueryable<StoredPosting>? Matching(AppDbContext db, string text)
    {
        var words = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        if (words.Count == 0) return null;
        if (db.Database.IsNpgsql())
        {
            var query = string.Join(" & ", words.Select(w => w + ":*"));
            // The same expression as the GIN index of M0026, or PostgreSQL would not use the index.
            return db.Set<StoredPosting>().FromSql(
                $"SELECT * FROM job_postings WHERE to_tsvector('simple'::regconfig, \"Title\" || ' ' || \"Company\" || ' ' || left(\"DescriptionText\", 100000)) @@ to_tsquery('simple'::regconfig, {query})");
        }
        var match = new StringBuilder();
        foreach (var word in words) match.Append(match.Length == 0 ? "" : " ").Append('"').Append(word).Append("\"*");
        var fts = match.ToString();
        return db.Set<StoredPosting>().FromSql($"SELECT * FROM job_postings WHERE rowid IN (SELECT rowid FROM job_postings_fts WHERE job_postings_fts MATCH {fts})");
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
