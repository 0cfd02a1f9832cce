using System.CommandLine;
using Jobsmith.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

internal static class AdminCommands
{
    public static Command Build()
    {
        var email = new Option<string>("--email") { Description = "The admin's email address", Required = true };
        var password = new Option<string?>("--password") { Description = "Password (or pipe it on stdin; never stored in shell history that way)" };
        var create = new Command("create", "Create an admin account, or grant the admin role to an existing one") { email, password };
        create.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var secret = result.GetValue(password) ?? (Console.IsInputRedirected ? (await Console.In.ReadLineAsync(ct))?.Trim() : null);
            if (string.IsNullOrEmpty(secret)) return CliOutput.Error("a password is required: --password or on stdin");

            using var host = CliHost.Build(global);
            using var scope = await CliHost.MigratedScopeAsync(host, ct);
            try
            {
                var (user, created) = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().EnsureAdminAsync(result.GetValue(email)!, secret, ct);
                return CliOutput.Result(global, new { id = user.Id, email = user.Email, created },
                    created ? $"Created admin {user.Email}" : $"Granted the admin role to {user.Email}");
            }
            catch (AccountException ex)
            {
                return CliOutput.Error(ex.Message);
            }
        });
        return new Command("admin", "Administer accounts") { create };
    }
}
