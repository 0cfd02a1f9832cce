using Jobsmith.Core.Hosting;

namespace Jobsmith.Tests.Hosting;

/// <summary>
/// Issue 8 item 9 (L4): a relative data folder means the same folder whichever directory the app or the CLI is
/// started from, so `jobsmith` run from a sub-folder does not quietly create a second, empty database.
/// </summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jobsmith-datadir-").FullName;

    [Fact]
    public void A_relative_folder_resolves_against_the_checkout_the_binaries_were_built_in()
    {
        File.WriteAllText(Path.Combine(_root, "Jobsmith.slnx"), "<Solution />");
        var binaries = Directory.CreateDirectory(Path.Combine(_root, "artifacts", "bin", "Jobsmith.Web", "debug")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "src", "somewhere")).FullName;

        Assert.Equal(Path.Combine(_root, "data"), JobsmithOptions.ResolveDataDirectory("data", binaries, elsewhere));
    }

    [Fact]
    public void Without_a_checkout_a_relative_folder_resolves_against_the_working_directory()
    {
        var installed = Directory.CreateDirectory(Path.Combine(_root, "opt", "jobsmith")).FullName;
        var working = Directory.CreateDirectory(Path.Combine(_root, "home")).FullName;

        Assert.Equal(Path.Combine(working, "data"), JobsmithOptions.ResolveDataDirectory("data", installed, working));
    }

    [Fact]
    public void An_absolute_folder_is_used_as_given()
    {
        var absolute = Path.Combine(_root, "elsewhere", "data");
        Assert.Equal(absolute, JobsmithOptions.ResolveDataDirectory(absolute, _root, _root));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
