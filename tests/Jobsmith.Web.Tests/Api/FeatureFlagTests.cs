using System.Net;
using System.Net.Http.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Security;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace Jobsmith.Web.Tests.Api;

/// <summary>A4: an admin switches a flag at run time; the host obeys at once and the change is audited.</summary>
public sealed class FeatureFlagTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Switching_a_flag_takes_effect_immediately_and_is_audited(string provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateApiClient();
        var admin = await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword);
        const string flag = FeatureFlagCatalog.FeedbackOptimization;
        Assert.True(await IsEnabledAsync(app, flag));

        using (var off = await client.SendJsonAsync(HttpMethod.Put, $"/api/admin/flags/{flag}", admin.AccessToken, new { enabled = false }))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            Assert.False((await off.Content.ReadFromJsonAsync<FeatureFlagState>())!.Enabled);
        }
        Assert.False(await ListedStateAsync(client, admin.AccessToken, flag));
        Assert.False(await IsEnabledAsync(app, flag));

        using (var on = await client.SendJsonAsync(HttpMethod.Put, $"/api/admin/flags/{flag.ToLowerInvariant()}", admin.AccessToken, new { enabled = true }))
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.True(await ListedStateAsync(client, admin.AccessToken, flag));
        Assert.True(await IsEnabledAsync(app, flag));

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .Where(e => e.Action == "flag.changed").OrderBy(e => e.At).ToListAsync();
        Assert.Equal([$"{flag} = off", $"{flag} = on"], audit.Select(e => e.Detail));
        Assert.All(audit, e => Assert.Equal(admin.User.Id, e.ActorId));
    }

    private static async Task<bool> ListedStateAsync(HttpClient client, string token, string flag)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/api/admin/flags", token);
        var flags = (await response.Content.ReadFromJsonAsync<List<FeatureFlagState>>())!;
        return flags.Single(f => f.Name == flag).Enabled;
    }

    private static async Task<bool> IsEnabledAsync(JobsmithWebApp app, string flag)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFeatureManager>().IsEnabledAsync(flag);
    }
}
