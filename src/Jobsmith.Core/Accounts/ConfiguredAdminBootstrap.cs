using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Accounts;

/// <summary>Creates the first admin from configuration (<c>Admin:Email</c>, <c>Admin:Password</c>) when both are set.</summary>
internal sealed class ConfiguredAdminBootstrap(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ConfiguredAdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;

        await using var scope = scopes.CreateAsyncScope();
        var (_, created) = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().EnsureAdminAsync(email, password, cancellationToken);
        if (created) logger.LogInformation("Created the configured admin account");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
