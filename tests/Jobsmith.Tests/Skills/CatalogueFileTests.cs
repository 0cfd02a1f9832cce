using Jobsmith.Core.Skills;

namespace Jobsmith.Tests.Skills;

/// <summary>
/// The catalogue shipped in Jobsmith.Core is derived data: it must be exactly what the builder makes from the shared
/// ESCO/O*NET files and the facts file. With JOBSMITH_REGENERATE_CATALOGUE=1 this test rewrites the committed files
/// instead (scripts/build-skills-catalogue.sh).
/// </summary>
public sealed class CatalogueFileTests
{
    [SkippableFact]
    public void Committed_catalogue_files_are_what_the_builder_produces()
    {
        var (skills, titles) = CatalogueFiles.BuildFromSharedData();
        if (Environment.GetEnvironmentVariable("JOBSMITH_REGENERATE_CATALOGUE") == "1")
        {
            File.WriteAllBytes(CatalogueFiles.SkillsPath, CatalogueFormat.Gzip(skills));
            File.WriteAllBytes(CatalogueFiles.TitlesPath, CatalogueFormat.Gzip(titles));
        }
        Assert.True(skills == ReadGzip(CatalogueFiles.SkillsPath),
            "skills-catalogue.tsv.gz is stale: run scripts/build-skills-catalogue.sh and commit the result");
        Assert.True(titles == ReadGzip(CatalogueFiles.TitlesPath),
            "titles.tsv.gz is stale: run scripts/build-skills-catalogue.sh and commit the result");
    }

    [Fact]
    public void Shipped_files_stay_compact()
    {
        var total = new FileInfo(CatalogueFiles.SkillsPath).Length + new FileInfo(CatalogueFiles.TitlesPath).Length;
        Assert.InRange(total, 1, 3 * 1024 * 1024);
    }

    private static string ReadGzip(string path)
    {
        using var stream = File.OpenRead(path);
        return CatalogueFormat.Gunzip(stream);
    }
}
