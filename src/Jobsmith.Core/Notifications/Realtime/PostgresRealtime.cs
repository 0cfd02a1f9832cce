using System.Text.Json;
using Jobsmith.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jobsmith.Core.Notifications.Realtime;

internal sealed record RealtimeEnvelope(string UserId, RealtimeMessage Message);

/// <summary>Publishes with NOTIFY so every node's listener (including this one) pushes to its own streams.</summary>
internal sealed class PostgresRealtimePublisher(ResolvedDatabase database) : IRealtimePublisher
{
    public const string Channel = "jobsmith_realtime";

    public async Task PublishAsync(string userId, RealtimeMessage message, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new RealtimeEnvelope(userId, message)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Keeps one LISTEN connection open and forwards what arrives to this node's broker; reconnects after failures.</summary>
internal sealed class PostgresRealtimeListener(
    RealtimeBroker broker,
    ResolvedDatabase database,
    TimeProvider clock,
    ILogger<PostgresRealtimeListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Forward(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresRealtimePublisher.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                logger.LogWarning(ex, "Realtime listener lost its PostgreSQL connection; retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            }
        }
    }

    private void Forward(string payload)
    {
        var envelope = JsonSerializer.Deserialize<RealtimeEnvelope>(payload);
        if (envelope is not null) broker.Publish(envelope.UserId, envelope.Message);
    }
}
