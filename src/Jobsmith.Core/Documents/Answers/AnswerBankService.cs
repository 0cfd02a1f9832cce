using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Documents.Answers;

/// <summary>A key of the bank as the candidate sees it: its question, whether it is sensitive, and the stored answer (null when unset).</summary>
public sealed record AnswerBankEntry(string Key, string Label, AnswerShape Shape, bool Sensitive, string? Value, DateTime? UpdatedAt);

/// <summary>
/// The answer bank use cases (E4): read every key with the candidate's stored answer, and set or clear answers.
/// Every call is scoped to the user id it is given.
/// </summary>
public sealed class AnswerBankService(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every bank key in display order, with the stored answer or null.</summary>
    public async Task<IReadOnlyList<AnswerBankEntry>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<StoredAnswer>().AsNoTracking().Where(a => a.UserId == userId).ToDictionaryAsync(a => a.Key, cancellationToken);
        return [.. AnswerKeys.Bank.Select(k => rows.TryGetValue(k.Key, out var row)
            ? new AnswerBankEntry(k.Key, k.Label, k.Shape, k.Sensitive, row.Value, row.UpdatedAt)
            : new AnswerBankEntry(k.Key, k.Label, k.Shape, k.Sensitive, null, null))];
    }

    /// <summary>The stored answers as the composers read them.</summary>
    public async Task<AnswerBank> GetAsync(string userId, CancellationToken cancellationToken) =>
        new(await db.Set<StoredAnswer>().AsNoTracking().Where(a => a.UserId == userId).ToDictionaryAsync(a => a.Key, a => a.Value, cancellationToken));

    /// <summary>
    /// Sets the given answers (an empty or null value clears one). All or nothing: when any value is refused, the
    /// errors by key are returned and nothing is stored.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SetAsync(string userId, IReadOnlyDictionary<string, string?> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in answers)
        {
            var (normalized, error) = AnswerBank.Normalize(key, value);
            if (error is not null) errors[key] = error;
            else clean[key] = normalized!;
        }
        if (errors.Count > 0) return errors;
        var keys = clean.Keys.ToList();
        var rows = await db.Set<StoredAnswer>().Where(a => a.UserId == userId && keys.Contains(a.Key)).ToDictionaryAsync(a => a.Key, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in clean)
        {
            rows.TryGetValue(key, out var row);
            if (value.Length == 0)
            {
                if (row is not null) db.Remove(row);
                continue;
            }
            if (row is null) db.Add(row = new StoredAnswer { UserId = userId, Key = key });
            row.Value = value;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}
