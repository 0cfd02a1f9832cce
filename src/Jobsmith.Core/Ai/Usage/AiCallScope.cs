namespace Jobsmith.Core.Ai.Usage;

/// <summary>
/// Who a model call is made for, carried along the async flow: a request sets the signed-in candidate, an agent task
/// sets its candidate and agent, the re-ranker marks its calls — so calls deep inside a use case are attributed
/// without every method passing a user id down.
/// </summary>
public static class AiCallScope
{
    private static readonly AsyncLocal<AiCallContext?> Current = new();

    public static AiCallContext? Context => Current.Value;

    /// <summary>Sets the context until the returned handle is disposed; fields left null keep the outer value.</summary>
    public static IDisposable Begin(string? userId = null, string? agent = null, string? kind = null)
    {
        var outer = Current.Value;
        Current.Value = new AiCallContext(userId ?? outer?.UserId, agent ?? outer?.Agent, kind ?? outer?.Kind);
        return new Restore(outer);
    }

    private sealed class Restore(AiCallContext? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}

public sealed record AiCallContext(string? UserId, string? Agent, string? Kind);
