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
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        services.AddDataProtection();
        services.AddScoped<AccountService>();
        services.AddScoped<RefreshTokenService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<AdminAccounts>();
        services.AddScoped<UserDirectory>();
        services.AddHostedService<ConfiguredAdminBootstrap>();
        return services;
    }
}
