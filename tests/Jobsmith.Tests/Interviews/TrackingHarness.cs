using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.Plans;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jobsmith.Tests.Interviews;

/// <summary>
/// A migrated web-role Core host (no scheduler: tests run the sweeps themselves) on a hand-moved clock, with helpers
/// that take a candidate's matched posting through the real state machine to "applied" at a chosen moment (G4, G5).
/// </summary>
internal sealed class TrackingHarness : IAsyncDisposable
{
    private readonly MatchStoreHarness _store;

    private TrackingHarness(MatchStoreHarness store, ManualClock clock)
    {
        _store = store;
        Clock = clock;
    }

    public ManualClock Clock { get; }
    public TestDatabase Database => _store.Database;
    public IHost Host => _store.Host;

    public static async Task<TrackingHarness> CreateAsync(string provider, DateTimeOffset start)
    {
        var clock = new ManualClock(start);
        var store = await MatchStoreHarness.CreateAsync(provider, s => s.AddSingleton<TimeProvider>(clock));
        return new TrackingHarness(store, clock);
    }

    /// <summary>A second host on the same database and clock: what a restarted process (or another node) sees.</summary>
    public IHost Restarted() => TestHost.Build(Database, role: "Web", s => s.AddSingleton<TimeProvider>(Clock));

    /// <summary>A candidate with a resume, preferences and a match run (at the clock's time); returns the matched postings, best first.</summary>
    public async Task<(string User, IReadOnlyList<Guid> Postings)> CandidateAsync(string email, string? timeZone = null)
    {
        var user = await _store.AddCandidateAsync(email);
        if (timeZone is not null)
            await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == user)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, timeZone)));
        var run = await InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, 8, CancellationToken.None));
        return (user, [.. run.Matches.Select(m => m.PostingId)]);
    }

    /// <summary>Starts an application and moves it to "applied", the last move at <paramref name="appliedAt"/>.</summary>
    public async Task<Guid> AppliedAsync(string user, Guid posting, DateTimeOffset appliedAt)
    {
        var id = (await InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().StartAsync(user, posting, ApplicationActor.Candidate(user), CancellationToken.None)))!.Id;
        foreach (var state in new[] { "drafted", "awaiting_approval", "approved", "queued", "submitting" })
            await MoveAsync(user, id, state, appliedAt.AddMinutes(-1));
        await MoveAsync(user, id, "applied", appliedAt);
        return id;
    }

    public async Task MoveAsync(string user, Guid application, string state, DateTimeOffset at)
    {
        var saved = Clock.GetUtcNow();
        Clock.Set(at);
        var moved = await InScopeAsync(sp => sp.GetRequiredService<ApplicationService>().MoveAsync(user, application, state, ApplicationActor.Agent("test"), null, null, CancellationToken.None));
        Clock.Set(saved);
        Assert.True(moved.Status == ApplicationMoveStatus.Moved, $"{state}: {moved.Status} {moved.Error}");
    }

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work) => _store.InScopeAsync(work);

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
