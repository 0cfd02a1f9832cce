using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Matching.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Applications;

/// <summary>
/// The application use cases (F1, F6): start one for a matched posting (at most one per candidate and posting, even
/// under concurrent requests), move it through the state machine with its log, read and list. Every query is scoped
/// to the user id given; another candidate's application is simply not found.
/// </summary>
public sealed class ApplicationService(AppDbContext db, EventPublisher events, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>The candidate's application for a posting, started if there is none; null when the posting is not one of their matches.</summary>
    public async Task<ApplicationView?> StartAsync(string userId, Guid postingId, ApplicationActor actor, CancellationToken cancellationToken)
    {
        if (!await db.Set<StoredMatch>().AnyAsync(m => m.UserId == userId && m.PostingId == postingId, cancellationToken)) return null;
        return await UniqueViolation.RetryAsync(db, async _ =>
        {
            // The unique (candidate, posting) index decides a race: the loser re-reads the winner's row here.
            if (await db.Set<JobApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.PostingId == postingId, cancellationToken) is { } existing)
                return ApplicationView.Of(existing);
            var application = JobApplication.Start(userId, postingId, actor, clock.GetUtcNow());
            db.Add(application);
            events.Publish(EventTypes.StatusChanged, userId, new { applicationId = application.Id, postingId, state = application.State });
            await db.SaveChangesAsync(cancellationToken);
            return ApplicationView.Of(application);
        }, cancellationToken);
    }

    /// <summary>
    /// Moves the candidate's application to <paramref name="to"/>. With <paramref name="expectedRevision"/> the move only
    /// happens if nobody moved it since the caller read it; either way two concurrent moves never both apply.
    /// </summary>
    public async Task<ApplicationMove> MoveAsync(string userId, Guid applicationId, string to, ApplicationActor actor, string? details,
        int? expectedRevision, CancellationToken cancellationToken)
    {
        if (!ApplicationStates.IsKnown(to)) return new(ApplicationMoveStatus.Illegal, Error: $"\"{to}\" is not an application state.");
        var application = await db.Set<JobApplication>().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        if (application is null) return new(ApplicationMoveStatus.NotFound);
        if (expectedRevision is { } revision && revision != application.Revision)
            return new(ApplicationMoveStatus.Conflict, ApplicationView.Of(application), "The application changed since you loaded it.");
        try
        {
            application.Move(to, actor, details, clock.GetUtcNow());
        }
        catch (IllegalTransitionException ex)
        {
            return new(ApplicationMoveStatus.Illegal, ApplicationView.Of(application), ex.Message);
        }
        events.Publish(EventTypes.StatusChanged, userId, new { applicationId, postingId = application.PostingId, state = to });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<JobApplication>().AsNoTracking().FirstAsync(a => a.Id == applicationId, cancellationToken);
            return new(ApplicationMoveStatus.Conflict, ApplicationView.Of(current), "Someone else moved the application at the same time.");
        }
        return new(ApplicationMoveStatus.Moved, ApplicationView.Of(application));
    }

    /// <summary>A move the candidate asks for by hand (page, API, CLI): only the moves <see cref="ApplicationStates.CandidateMayMove"/> allows.</summary>
    public async Task<ApplicationMove> MoveByCandidateAsync(string userId, Guid applicationId, string to, string? details, int? expectedRevision,
        CancellationToken cancellationToken)
    {
        var current = await db.Set<JobApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        if (current is null) return new(ApplicationMoveStatus.NotFound);
        if (ApplicationStates.IsKnown(to) && !ApplicationStates.CandidateMayMove(current.State, to))
            return new(ApplicationMoveStatus.Illegal, ApplicationView.Of(current),
                $"An application that is {current.State.Replace('_', ' ')} cannot be moved to {to.Replace('_', ' ')} by hand.");
        return await MoveAsync(userId, applicationId, to, ApplicationActor.Candidate(userId), details, expectedRevision, cancellationToken);
    }

    public async Task<ApplicationDetail?> GetAsync(string userId, Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await db.Set<JobApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        if (application is null) return null;
        var log = await db.Set<ApplicationLogEntry>().AsNoTracking().Where(l => l.ApplicationId == applicationId)
            .OrderBy(l => l.At).ThenBy(l => l.Id)
            .Select(l => new ApplicationLogView(l.FromState, l.ToState, l.ActorKind, l.ActorId, l.Details, l.At))
            .ToListAsync(cancellationToken);
        return new(ApplicationView.Of(application), log);
    }

    /// <summary>The candidate's applications, most recently moved first, optionally in one state; a page at a time.</summary>
    public async Task<IReadOnlyList<ApplicationView>> ListAsync(string userId, string? state, int page, CancellationToken cancellationToken)
    {
        var query = db.Set<JobApplication>().AsNoTracking().Where(a => a.UserId == userId);
        if (!string.IsNullOrEmpty(state)) query = query.Where(a => a.State == state);
        var rows = await query.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return [.. rows.Select(ApplicationView.Of)];
    }

    /// <summary>How many of the candidate's applications are in each state (the dashboard's counts).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStateAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<JobApplication>().AsNoTracking().Where(a => a.UserId == userId)
            .GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
}
