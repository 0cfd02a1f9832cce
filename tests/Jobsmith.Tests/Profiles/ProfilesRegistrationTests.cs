using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Profiles;

public sealed class ProfilesRegistrationTests
{
    [Fact]
    public async Task AddProfiles_binds_the_import_limits_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Jobsmith:ResumeImport:MaxBytes"] = "1000" })
            .Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddProfiles().BuildServiceProvider();

        var parser = provider.GetRequiredService<ProfileParser>();
        Assert.Equal(1000, provider.GetRequiredService<ResumeImporter>().Options.MaxBytes);
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => parser.ParseAsync(new byte[1001], "big.txt"));
        Assert.Equal(ResumeImportError.TooLarge, error.Error);
    }
}
