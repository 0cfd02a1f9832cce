using System.Text.Json;
using Jobsmith.Core.Ai;
using Jobsmith.Core.Data;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Profiles.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace Jobsmith.Core.Documents;

public sealed record DocumentView(
    Guid Id, Guid PostingId, string Kind, int Version, string Engine, string Template, string Status,
    IReadOnlyList<DocumentLine> Lines, IReadOnlyList<LineFlag> Flags, Coverage Coverage, IReadOnlyList<string> Notes,
    DateTime CreatedAt, DateTime? ApprovedAt)
{
    public bool CanApprove => Flags.Count == 0 && Status == DocumentStatus.Draft;
}

public enum DocumentChangeStatus { Changed, NotFound, Invalid, Flagged }

public sealed record DocumentChange(DocumentChangeStatus Status, DocumentView? Document = null, string? Error = null);

/// <summary>
/// The documents use cases (E1, E2, E4, E5, E6): generate the three documents for a posting the candidate was
/// matched with, answer a form's own questions, list and read versions, save an edit as a new re-checked version,
/// approve a clean version. Every query is scoped to the user id it is given; another candidate's document or posting
/// is simply not found. With a chat model configured the cover letter is written by <see cref="LlmCoverLetterWriter"/>
/// (and checked like every other line); without one, or when the call fails, by <see cref="CoverLetterComposer"/>.
/// </summary>
public sealed class DocumentService(AppDbContext db, ProfileStore profiles, AnswerBankService answers, TimeProvider clock,
    IChatClient? chat = null, PromptTemplates? prompts = null)
{
    public const string DeterministicEngine = "deterministic-v1";
    public const string EditedEngine = "edited";
    public const string DefaultTemplate = "plain";
    public const int MaxLines = 400;
    public const int MaxLineLength = 2000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Generates a new version of each document; null when the posting is not one of the candidate's matches.</summary>
    public Task<IReadOnlyList<DocumentView>?> GenerateAsync(string userId, Guid postingId, CancellationToken cancellationToken) =>
        GenerateAsync(userId, postingId, reuseLatest: false, cancellationToken);

    /// <summary>
    /// "Prepare application": the latest version of each document when the posting already has drafts, otherwise
    /// new ones. Two prepares at once (a double-click, two tabs) both get the same drafts.
    /// </summary>
    public Task<IReadOnlyList<DocumentView>?> PrepareAsync(string userId, Guid postingId, CancellationToken cancellationToken) =>
        GenerateAsync(userId, postingId, reuseLatest: true, cancellationToken);

    private async Task<IReadOnlyList<DocumentView>?> GenerateAsync(string userId, Guid postingId, bool reuseLatest, CancellationToken cancellationToken)
    {
        if (!await IsMatchedAsync(userId, postingId, cancellationToken)) return null;
        // Preparing opens what exists before anything (a model call included) is spent on new drafts.
        if (reuseLatest && await LatestAsync(userId, postingId, cancellationToken) is { Count: > 0 } existing) return existing;
        var source = await LoadSourceAsync(userId, postingId, cancellationToken);
        var drafts = DocumentDrafting.Draft(source.Sheet, source.Posting, source.Bank, DocumentDrafting.Seed(userId, postingId))
            .Select(d => (Draft: d, Engine: DeterministicEngine)).ToList();
        if (chat is not null && prompts is not null)
        {
            var letter = drafts.FindIndex(d => d.Draft.Kind == DocumentKinds.CoverLetter);
            drafts[letter] = await ModelLetterAsync(source, drafts[letter].Draft, cancellationToken);
        }
        var inputs = JsonSerializer.Serialize(new { facts = source.Sheet.Facts.Count, answers = source.Bank.Values.Count, postingSkills = source.Posting.Skills }, Json);
        // When preparing, a parallel request may have stored drafts since the check above: return those instead.
        return await SaveVersionsAsync(userId, postingId, drafts, source, inputs,
            reuseLatest ? () => LatestAsync(userId, postingId, cancellationToken) : null, cancellationToken);
    }

    /// <summary>The newest version of each kind, in the order of <see cref="DocumentKinds.All"/>; empty when the posting has no drafts yet.</summary>
    public async Task<IReadOnlyList<DocumentView>> LatestAsync(string userId, Guid postingId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<GeneratedDocument>().AsNoTracking().Where(d => d.UserId == userId && d.PostingId == postingId).ToListAsync(cancellationToken);
        return [.. DocumentKinds.All.Select(k => rows.Where(d => d.Kind == k).MaxBy(d => d.Version)).OfType<GeneratedDocument>().Select(View)];
    }

    /// <summary>
    /// Answers one form's own questions (E4) for a posting the candidate was matched with, stored as a new version of
    /// the answers document; null when the posting is not one of the candidate's matches.
    /// </summary>
    public async Task<DocumentView?> AnswerFormAsync(string userId, Guid postingId, IReadOnlyList<FormQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Count > MaxLines) throw new ArgumentException($"A form may have at most {MaxLines} questions.", nameof(questions));
        if (!await IsMatchedAsync(userId, postingId, cancellationToken)) return null;
        var source = await LoadSourceAsync(userId, postingId, cancellationToken);
        var draft = FormAnswerComposer.Compose(source.Sheet, source.Posting, source.Bank, questions);
        var inputs = JsonSerializer.Serialize(new { facts = source.Sheet.Facts.Count, answers = source.Bank.Values.Count, questions = questions.Count }, Json);
        return (await SaveVersionsAsync(userId, postingId, [(draft, DeterministicEngine)], source, inputs, null, cancellationToken))[0];
    }

    // The model writes the letter when one is configured; the deterministic one stands in when it gives nothing usable.
    private async Task<(DocumentDraft Draft, string Engine)> ModelLetterAsync(DraftSource source, DocumentDraft deterministic, CancellationToken cancellationToken)
    {
        if (await new LlmCoverLetterWriter(chat!, prompts!).WriteAsync(source.Sheet, source.Job, cancellationToken) is { } written)
            return (written, LlmCoverLetterWriter.Engine);
        return (deterministic with { Notes = [.. deterministic.Notes, "The configured model gave no usable letter, so the deterministic engine wrote this one."] }, DeterministicEngine);
    }

    /// <summary>What a submission answers forms from: the candidate's facts, the posting and the answer bank (the documents' own sources).</summary>
    public async Task<(FactSheet Sheet, PostingTarget Posting, AnswerBank Bank)> SourcesAsync(string userId, Guid postingId, CancellationToken cancellationToken)
    {
        var source = await LoadSourceAsync(userId, postingId, cancellationToken);
        return (source.Sheet, source.Posting, source.Bank);
    }

    private Task<bool> IsMatchedAsync(string userId, Guid postingId, CancellationToken cancellationToken) =>
        db.Set<StoredMatch>().AnyAsync(m => m.UserId == userId && m.PostingId == postingId, cancellationToken);

    // What every document for a posting is built from and checked against.
    private sealed record DraftSource(Jobs.JobPosting Job, PostingTarget Posting, FactSheet Sheet, AnswerBank Bank)
    {
        public Dictionary<string, string> Evidence { get; } = DocumentService.Evidence(Sheet, Posting, Bank);
    }

    private async Task<DraftSource> LoadSourceAsync(string userId, Guid postingId, CancellationToken cancellationToken)
    {
        var job = StoredPostingReader.ToPosting(await db.Set<StoredPosting>().AsNoTracking().FirstAsync(p => p.Id == postingId, cancellationToken));
        var sheet = new FactSheet((await profiles.GetAsync(userId, cancellationToken)).Facts);
        return new DraftSource(job, new PostingTarget(job), sheet, await answers.GetAsync(userId, cancellationToken));
    }

    /// <summary>
    /// Stores each draft as the next version of its kind. Versions are numbered from what is stored, so a parallel save
    /// (a double submit) may take a number first on the unique index: the loser re-reads and takes the next one, or,
    /// with <paramref name="reuse"/>, returns what the winner stored when there is something.
    /// </summary>
    private async Task<IReadOnlyList<DocumentView>> SaveVersionsAsync(string userId, Guid postingId, IReadOnlyList<(DocumentDraft Draft, string Engine)> drafts,
        DraftSource source, string inputs, Func<Task<IReadOnlyList<DocumentView>>>? reuse, CancellationToken cancellationToken) =>
        await UniqueViolation.RetryAsync(db, async _ =>
        {
            if (reuse is not null && await reuse() is { Count: > 0 } stored) return stored;
            var added = new List<GeneratedDocument>();
            foreach (var (draft, engine) in drafts)
                added.Add(await AddVersionAsync(userId, postingId, draft.Kind, engine, draft.Lines, draft.Notes, source.Evidence, source.Posting, inputs, cancellationToken));
            // Preparing makes first versions only: a later version here means a parallel request stored its drafts
            // between the check above and now (its commit came first), so those are the ones to open.
            if (reuse is not null && added.Any(d => d.Version != 1))
            {
                db.ChangeTracker.Clear();
                return await reuse();
            }
            await db.SaveChangesAsync(cancellationToken);
            return (IReadOnlyList<DocumentView>)[.. added.Select(View)];
        }, cancellationToken);

    /// <summary>What lines may cite: the profile's facts, the posting's title and company, and the candidate's stored answers.</summary>
    public static Dictionary<string, string> Evidence(FactSheet sheet, PostingTarget posting, AnswerBank bank)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(bank);
        var evidence = sheet.Evidence(posting);
        foreach (var (id, value) in bank.Evidence()) evidence[id] = value;
        return evidence;
    }

    /// <summary>Every version for one posting (or all postings), newest first.</summary>
    public async Task<IReadOnlyList<DocumentView>> ListAsync(string userId, Guid? postingId, CancellationToken cancellationToken)
    {
        var query = db.Set<GeneratedDocument>().AsNoTracking().Where(d => d.UserId == userId);
        if (postingId is { } id) query = query.Where(d => d.PostingId == id);
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Kind).ThenByDescending(d => d.Version).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(View)];
    }

    public async Task<DocumentView?> GetAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<GeneratedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.Id == id, cancellationToken) is { } row ? View(row) : null;

    /// <summary>
    /// Saves the candidate's edit as a new version. Line i keeps the fact ids of line i of the edited version, so an
    /// edit that adds a claim the facts do not hold is flagged; an empty text removes the line.
    /// </summary>
    public async Task<DocumentChange> EditAsync(string userId, Guid id, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var row = await db.Set<GeneratedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.Id == id, cancellationToken);
        if (row is null) return new(DocumentChangeStatus.NotFound);
        var lines = Read<List<DocumentLine>>(row.LinesJson);
        if (texts.Count != lines.Count) return new(DocumentChangeStatus.Invalid, Error: $"Send exactly {lines.Count} lines (an empty line removes it).");
        if (texts.Any(t => t?.Length > MaxLineLength)) return new(DocumentChangeStatus.Invalid, Error: $"A line must be at most {MaxLineLength} characters.");
        // A line the candidate filled in is their answer: it no longer waits for them.
        var kept = lines.Select((l, i) => l with { Text = texts[i]?.Trim() ?? "", NeedsCandidate = texts[i]?.Trim() is { Length: > 0 } ? null : l.NeedsCandidate })
            .Where((l, i) => l.Text.Length > 0 || (row.Kind == DocumentKinds.Answers && lines[i].Text.Length == 0)).ToList();
        var source = await LoadSourceAsync(userId, row.PostingId, cancellationToken);
        var notes = Read<List<string>>(row.NotesJson).Append($"Edited by you from version {row.Version}.").ToList();
        var stored = (await SaveVersionsAsync(userId, row.PostingId, [(new DocumentDraft(row.Kind, kept, notes), EditedEngine)], source, row.InputsJson, null, cancellationToken))[0];
        var view = stored;
        return new(view.Flags.Count > 0 ? DocumentChangeStatus.Flagged : DocumentChangeStatus.Changed, view);
    }

    /// <summary>Approves a version; a version with untraceable claims is refused until an edit fixes them.</summary>
    public async Task<DocumentChange> ApproveAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Set<GeneratedDocument>().FirstOrDefaultAsync(d => d.UserId == userId && d.Id == id, cancellationToken);
        if (row is null) return new(DocumentChangeStatus.NotFound);
        var view = View(row);
        if (view.Flags.Count > 0) return new(DocumentChangeStatus.Flagged, view, "Fix the flagged lines before approving: each names something your profile does not hold.");
        row.Status = DocumentStatus.Approved;
        row.ApprovedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new(DocumentChangeStatus.Changed, View(row));
    }

    private async Task<GeneratedDocument> AddVersionAsync(string userId, Guid postingId, string kind, string engine, IReadOnlyList<DocumentLine> lines,
        IReadOnlyList<string> notes, IReadOnlyDictionary<string, string> evidence, PostingTarget posting, string inputs, CancellationToken cancellationToken)
    {
        var last = await db.Set<GeneratedDocument>().Where(d => d.UserId == userId && d.PostingId == postingId && d.Kind == kind)
            .Select(d => (int?)d.Version).MaxAsync(cancellationToken) ?? 0;
        var flags = ProvenanceChecker.Check(lines, evidence);
        var row = new GeneratedDocument
        {
            Id = Guid.NewGuid(), UserId = userId, PostingId = postingId, Kind = kind, Version = last + 1, Engine = engine, Template = DefaultTemplate,
            LinesJson = JsonSerializer.Serialize(lines, Json), FlagsJson = JsonSerializer.Serialize(flags, Json),
            CoverageJson = JsonSerializer.Serialize(ResumeTailor.CoverageOf(lines, posting), Json), NotesJson = JsonSerializer.Serialize(notes, Json),
            InputsJson = inputs, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        return row;
    }

    private static DocumentView View(GeneratedDocument d) => new(d.Id, d.PostingId, d.Kind, d.Version, d.Engine, d.Template, d.Status,
        Read<List<DocumentLine>>(d.LinesJson), Read<List<LineFlag>>(d.FlagsJson), Read<Coverage>(d.CoverageJson), Read<List<string>>(d.NotesJson), d.CreatedAt, d.ApprovedAt);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;
}
