using Jobsmith.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<JobsmithUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                // No lock after failed passwords: anyone could lock a victim out by failing on purpose. Guessing is
                // slowed by LoginThrottle instead; LockoutEnd remains only as an administrator's suspension.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        services.AddDataProtection();
        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<AccountService>();
        services.AddScoped<Agents.IAgent, AccountMailHandler>();
        services.AddScoped<RefreshTokenService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<AdminAccounts>();
        services.AddScoped<AccountSettings>();
        services.AddScoped<UserDirectory>();
        services.AddHostedService<ConfiguredAdminBootstrap>();
        return services;
    }
}
