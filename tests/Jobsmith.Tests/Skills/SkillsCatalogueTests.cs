using Jobsmith.Core.Skills;

namespace Jobsmith.Tests.Skills;

public sealed class SkillsCatalogueTests
{
    private static readonly SkillsCatalogue Catalogue = SkillsCatalogue.Default;

    [Theory]
    [InlineData("k8s", "Kubernetes")]
    [InlineData("K8S", "Kubernetes")]
    [InlineData("JS", "JavaScript")]
    [InlineData("javascript", "JavaScript")]
    [InlineData("golang", "Go")]
    [InlineData("Go", "Go")]
    [InlineData("TS", "TypeScript")]
    [InlineData("postgres", "PostgreSQL")]
    [InlineData("node", null)]
    [InlineData("Node", "Node.js")]
    [InlineData("NodeJS", "Node.js")]
    [InlineData("React.js", "React")]
    [InlineData("ReactJS", "React")]
    [InlineData("ML", "Machine learning")]
    [InlineData("machine learning", "Machine learning")]
    [InlineData("C#", "C#")]
    [InlineData("c#", "C#")]
    [InlineData("C++", "C++")]
    [InlineData(".NET", ".NET")]
    [InlineData("dotnet", ".NET")]
    [InlineData("AWS", "Amazon Web Services")]
    [InlineData("amazon-web-services", "Amazon Web Services")]
    [InlineData("GCP", "Google Cloud Platform")]
    [InlineData("Java", "Java")]
    [InlineData("JavaScript", "JavaScript")]
    [InlineData("SQL", "SQL")]
    [InlineData("Python (computer programming)", "Python")]
    [InlineData("C", "C")]
    [InlineData("R", "R")]
    [InlineData("go", null)]
    [InlineData("c", null)]
    [InlineData("", null)]
    public void Finds_skills_by_any_alias(string alias, string? canonical) =>
        Assert.Equal(canonical, Catalogue.Find(alias)?.Name);

    [Fact]
    public void Ids_are_unique_and_stable_slugs()
    {
        Assert.Equal(Catalogue.Skills.Count, Catalogue.Skills.Select(s => s.Id).Distinct().Count());
        Assert.Equal("onet:kubernetes", Catalogue.Find("k8s")!.Id);
        Assert.Same(Catalogue.Find("Kubernetes"), Catalogue.GetById("onet:kubernetes"));
    }

    [Fact]
    public void Categories_and_onet_flags_are_kept()
    {
        var python = Catalogue.Find("Python")!;
        Assert.Equal(SkillCategory.Technical, python.Category);
        Assert.True(python.Hot);
        Assert.True(python.InDemand);
        Assert.NotNull(python.ToolCategory);
        Assert.Equal(SkillCategory.Soft, Catalogue.Find("teamwork")!.Category);
        Assert.Equal(SkillCategory.Domain, Catalogue.Find("supply chain management")!.Category);
    }

    [Fact]
    public void Ambiguous_esco_alias_goes_to_the_skill_that_owns_it_as_a_label()
    {
        // ESCO lists "SQL" under both "SQL" and "database management systems".
        Assert.Equal("SQL", Catalogue.Find("SQL")!.Name);
    }

    [Fact]
    public void Default_is_loaded_once()
    {
        var results = new SkillsCatalogue[8];
        Parallel.For(0, results.Length, i => results[i] = SkillsCatalogue.Default);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.True(Catalogue.Skills.Count > 15_000);
        // How fast it loads is measured in bench/, not asserted here: a busy machine would fail a timed test.
        Assert.True(SkillsCatalogue.DefaultLoadTime > TimeSpan.Zero);
    }
}

public sealed class SkillsCatalogueListedTests
{
    [Theory]
    [InlineData("go", "Go")]
    [InlineData("c", "C")]
    [InlineData("k8s", "Kubernetes")]
    [InlineData("unknown thing", null)]
    public void A_skills_list_entry_may_use_any_case(string entry, string? canonical) =>
        Assert.Equal(canonical, SkillsCatalogue.Default.FindListed(entry)?.Name);
}
