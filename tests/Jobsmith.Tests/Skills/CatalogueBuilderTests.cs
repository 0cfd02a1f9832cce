using Jobsmith.Core.Skills;
using Jobsmith.Core.Skills.Building;

namespace Jobsmith.Tests.Skills;

/// <summary>The builder's rules on a tiny hand-made source, so they are checked without the shared data.</summary>
public sealed class CatalogueBuilderTests
{
    private const string Onet = "Development environment software";

    private static readonly List<EscoRow> Esco =
    [
        new("SQL", [], IsKnowledge: true),
        new("database management systems", ["SQL", "DBMS", "database management system"], IsKnowledge: true),
        new("packaging engineering", ["engineering", "packaging technology"], IsKnowledge: true),
        new("Python (computer programming)", ["Python"], IsKnowledge: true),
        new("supply chain management", ["supply chain"], IsKnowledge: true),
        new("analyse supply chain strategies", ["supply chain", "and procedures"], IsKnowledge: false),
        new("hot vulcanisation", ["tyre repair method"], IsKnowledge: true),
        new("cold vulcanisation", ["tyre repair method"], IsKnowledge: true),
        new("work in teams", ["teamwork"], IsKnowledge: false),
        new("English", [], IsKnowledge: true),
    ];

    private static readonly List<OnetTool> Tools =
    [
        new("Python", Onet, Hot: true, InDemand: true, Occupations: 40),
        new("Go", Onet, Hot: true, InDemand: false, Occupations: 3),
        new("Amazon Elastic Compute Cloud EC2", Onet, Hot: false, InDemand: false, Occupations: 1),
        new("Structured query language SQL", Onet, Hot: true, InDemand: true, Occupations: 90),
        new("Microsoft Excel", "Spreadsheet software", Hot: true, InDemand: true, Occupations: 800),
        new("Microsoft Access", Onet, Hot: true, InDemand: false, Occupations: 200),
        new("Microsoft Project", Onet, Hot: true, InDemand: false, Occupations: 200),
        new("Microsoft Visual Studio", Onet, Hot: true, InDemand: false, Occupations: 50),
        new("Microsoft Word", Onet, Hot: false, InDemand: false, Occupations: 900),
        new("Accounting software", "Accounting software", Hot: false, InDemand: false, Occupations: 30),
    ];

    private static readonly string[] Prose = ["They go to the project office to access records in spring, and word travels."];

    private const string Facts = "Go\ttechnical\t=~Go|golang\n!drop\tpackaging technology\n";

    private static readonly SkillsCatalogue Catalogue =
        SkillsCatalogue.FromText(new SkillsCatalogueBuilder().Run(Esco, Tools, Prose, SkillFacts.Parse(Facts)));

    [Fact]
    public void An_alias_goes_to_the_skill_whose_label_it_is()
    {
        Assert.Equal("esco:sql", Catalogue.Find("SQL")!.Id);
        Assert.Equal("database management systems", Catalogue.Find("DBMS")!.Name);
    }

    [Fact]
    public void Ambiguous_alt_labels_go_to_the_skill_that_contains_them_or_nowhere()
    {
        Assert.Equal("supply chain management", Catalogue.Find("supply chain")!.Name);
        Assert.Null(Catalogue.Find("tyre repair method"));
    }

    [Fact]
    public void Loose_single_words_and_sentence_fragments_are_not_aliases()
    {
        Assert.Null(Catalogue.Find("engineering"));
        Assert.Null(Catalogue.Find("and procedures"));
        Assert.Null(Catalogue.Find("packaging technology"));
    }

    [Fact]
    public void Onet_tools_merge_into_the_esco_skill_of_the_same_name()
    {
        var python = Catalogue.Find("Python")!;
        Assert.Equal("esco:python-computer-programming", python.Id);
        Assert.Equal("Python", python.Name);
        Assert.True(python.Hot && python.InDemand);
        Assert.Equal(Onet, python.ToolCategory);
        Assert.Same(Catalogue.Find("SQL"), Catalogue.Find("Structured query language"));
    }

    [Fact]
    public void Vendor_and_acronym_short_names()
    {
        Assert.Equal("Microsoft Excel", Catalogue.Find("Excel")!.Name);
        Assert.Null(Catalogue.Find("excel"));
        Assert.Equal("Microsoft Visual Studio", Catalogue.Find("visual studio")!.Name);
        Assert.Null(Catalogue.Find("Access"));
        Assert.Null(Catalogue.Find("Project"));
        Assert.Null(Catalogue.Find("Word"));
        Assert.NotNull(Catalogue.Find("Amazon Elastic Compute Cloud"));
        Assert.Null(Catalogue.Find("EC2"));
        Assert.Null(Catalogue.Find("Accounting"));
        Assert.NotNull(Catalogue.Find("accounting software"));
    }

    [Fact]
    public void Categories_follow_the_rule()
    {
        Assert.Equal(SkillCategory.Technical, Catalogue.Find("Python")!.Category);
        Assert.Equal(SkillCategory.Technical, Catalogue.Find("DBMS")!.Category);
        Assert.Equal(SkillCategory.Soft, Catalogue.Find("work in teams")!.Category);
        Assert.Equal(SkillCategory.Domain, Catalogue.Find("supply chain")!.Category);
    }

    [Fact]
    public void Facts_set_case_and_context_rules()
    {
        var extractor = new SkillExtractor(Catalogue);
        Assert.Empty(extractor.Extract("We go far."));
        Assert.Empty(extractor.Extract("Go far."));
        Assert.Equal(["Go", "Python"], extractor.Extract("Go and Python").Select(m => m.Canonical));
        Assert.Equal(["Go"], extractor.Extract("golang").Select(m => m.Canonical));
        // Context comes from technical skills only: a language is not one.
        Assert.Equal(["English"], extractor.Extract("Go English").Select(m => m.Canonical));
    }
}
