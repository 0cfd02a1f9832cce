using System.Text.Json;
using Jobsmith.Core.Data;

namespace Jobsmith.Core.Agents;

/// <summary>
/// Records agent work that runs inline in a request (e.g. analysing an uploaded resume) as an agent task, so
/// it shows up with its duration, outcome and LLM tokens exactly like work done by background jobs (K1, K5).
/// The row joins the caller's unit of work.
/// </summary>
public sealed class AgentTaskRecorder(AppDbContext db, TimeProvider clock)
{
    public AgentTask Record(string agent, string? userId, object input, DateTimeOffset startedAt, AgentOutcome outcome, string? error = null)
    {
        var now = clock.GetUtcNow();
        var task = new AgentTask
        {
            Id = Guid.CreateVersion7(now),
            Agent = agent,
            UserId = userId,
            Status = error is null ? AgentTaskStatus.Completed : AgentTaskStatus.Failed,
            InputJson = JsonSerializer.Serialize(input, JsonSerializerOptions.Web),
            Output = outcome.Output,
            Error = error.Truncate(4000),
            CreatedAt = startedAt.UtcDateTime,
            StartedAt = startedAt.UtcDateTime,
            CompletedAt = now.UtcDateTime,
            InputTokens = outcome.InputTokens,
            OutputTokens = outcome.OutputTokens,
        };
        db.Set<AgentTask>().Add(task);
        return task;
    }
}
