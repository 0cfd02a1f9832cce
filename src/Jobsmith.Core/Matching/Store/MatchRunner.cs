using System.Text.Json;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Ai;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Matching.Store;

/// <summary>What one run stored: its id and the new matches, best first.</summary>
public sealed record MatchRun(Guid RunId, IReadOnlyList<MatchView> Matches, int Considered);

/// <summary>
/// One candidate's match run (D4): their current profile and preferences (with what feedback taught), ranked
/// against the open postings minus every posting already shown to them; the top N are stored as matches and one
/// JobMatchFound event is published in the same unit of work.
/// </summary>
public sealed class MatchRunner(
    AppDbContext db, AgentSwitches switches, ProfileStore profiles, PreferencesService preferences, StoredPostingReader postings,
    LearnedWeights learned, MatchingVectors vectors, EventPublisher events, ProfileReadiness readiness, TimeProvider clock,
    IOptions<MatchingOptions> options, ILoggerFactory loggers,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, IChatClient? chat = null)
{
    public const int MaxTop = 100;

    public async Task<MatchRun> RunAsync(string userId, int topN, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topN, MaxTop);
        if (!await switches.IsOnAsync(FeatureFlagCatalog.Matcher, cancellationToken)) throw new AgentSwitchedOffException(FeatureFlagCatalog.Matcher);
        var ready = await readiness.EvaluateAsync(userId, cancellationToken);
        if (!ready.Ready) throw new ProfileNotReadyException(ready.Missing);
        var resume = await profiles.CurrentResumeAsync(userId, cancellationToken);
        var stated = (await preferences.GetAsync(userId, cancellationToken)).Effective;
        var profile = CandidateMatchInputs.WithLevel(CandidateMatchInputs.FromStoredResume(resume), stated.ExperienceLevel);

        var open = await postings.OpenAsync(cancellationToken);
        var shownIds = await db.Set<StoredMatch>().Where(m => m.UserId == userId).Select(m => m.PostingId).ToListAsync(cancellationToken);
        var shown = shownIds.ToHashSet();
        var ids = open.ToDictionary(p => p.Posting.Key, p => p.Id, StringComparer.Ordinal);
        var exclude = open.Where(p => shown.Contains(p.Id)).Select(p => p.Posting.Key).ToHashSet(StringComparer.Ordinal);

        var index = await BuildIndexAsync([.. open.Select(p => p.Posting)], cancellationToken);
        var matcher = new Matcher(await learned.CurrentAsync(userId, cancellationToken));
        // With a chat provider configured the model re-orders the top K (D3); any failure keeps the matcher's order.
        var reranker = chat is null ? null : new LlmReranker(chat, loggers.CreateLogger<LlmReranker>(), options.Value.RerankTopK);
        var outcome = await matcher.RankAsync(profile, CandidateMatchInputs.Preferences(stated, new HashSet<string>(StringComparer.Ordinal)),
            index, topN, exclude, reranker, cancellationToken);

        var now = clock.GetUtcNow();
        var runId = Guid.CreateVersion7(now);
        var rows = outcome.Results.Select(r => new StoredMatch
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            PostingId = ids[r.Posting.Key],
            Score = r.Score,
            ReasonsJson = JsonSerializer.Serialize(MatchReasons.From(r), CandidateMatchInputs.Json),
            FeaturesJson = JsonSerializer.Serialize(r.Features, CandidateMatchInputs.Json),
            RunId = runId,
            ShownAt = now.UtcDateTime,
        }).ToList();
        // A parallel run for the same candidate (a double-click, two tabs) may store some of these postings first: the
        // unique (user, posting) index stops the repeat, and this run re-reads what is shown and keeps only the rest.
        var stored = await UniqueViolation.RetryAsync(db, async _ =>
        {
            var taken = (await db.Set<StoredMatch>().Where(m => m.UserId == userId).Select(m => m.PostingId).ToListAsync(cancellationToken)).ToHashSet();
            // Inserted in one order by every run, so two runs never hold each other's index entries (no deadlock).
            var fresh = rows.Where(r => !taken.Contains(r.PostingId)).OrderBy(r => r.PostingId).ToList();
            db.Set<StoredMatch>().AddRange(fresh);
            if (fresh.Count > 0) events.Publish(EventTypes.JobMatchFound, userId, new { runId, postingIds = fresh.Select(r => r.PostingId).ToArray() });
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Select(r => r.Id).ToHashSet();
        }, cancellationToken);

        var views = outcome.Results.Zip(rows, (r, row) => (r, row)).Where(x => stored.Contains(x.row.Id))
            .Select(x => MatchView.From(x.row, x.r.Posting.ExternalId, x.r.Posting.Title, x.r.Posting.Company, null)).ToArray();
        return new MatchRun(runId, views, outcome.Considered);
    }

    // Neural embeddings when an endpoint is configured (D3); if it is down, the local GloVe vectors (L5).
    private async Task<PostingIndex> BuildIndexAsync(IReadOnlyList<Jobs.JobPosting> postings, CancellationToken cancellationToken)
    {
        if (embeddings is null) return PostingIndex.Build(postings, vectors.Sif);
        try
        {
            return await PostingIndex.BuildAsync(postings, embeddings, cancellationToken);
        }
        catch (AiProviderException ex)
        {
            loggers.CreateLogger<MatchRunner>().LogWarning(ex, "Embedding endpoint failed; ranking with local word vectors instead");
            return PostingIndex.Build(postings, vectors.Sif);
        }
    }
}
