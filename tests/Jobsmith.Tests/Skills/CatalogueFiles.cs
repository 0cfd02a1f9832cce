using Jobsmith.Core.Skills.Building;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Skills;

/// <summary>Where the committed, derived catalogue files and their hand-written input live in the repository.</summary>
internal static class CatalogueFiles
{
    public static string DataDir => Path.Combine(RepositoryRoot.Find()!, "src", "Jobsmith.Core", "Skills", "Data");

    public static string FactsPath => Path.Combine(DataDir, "skill-facts.txt");

    public static string SkillsPath => Path.Combine(DataDir, "skills-catalogue.tsv.gz");

    public static string TitlesPath => Path.Combine(DataDir, "titles.tsv.gz");

    public static (string Skills, string Titles) BuildFromSharedData()
    {
        var root = SharedData.Require("skills", "esco_skills_en.csv");
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(root))!;
        SharedData.Require("titles", "onet_alternate_titles.tsv");
        return (SkillsCatalogueBuilder.Build(shared, File.ReadAllText(FactsPath)), TitlesBuilder.Build(shared));
    }
}
