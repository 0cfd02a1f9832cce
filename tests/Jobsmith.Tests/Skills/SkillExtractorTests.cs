using Jobsmith.Core.Skills;

namespace Jobsmith.Tests.Skills;

public sealed class SkillExtractorTests
{
    private static readonly SkillExtractor Extractor = SkillExtractor.Default;

    private static List<string> Canonicals(string text) => Extractor.Extract(text).Select(m => m.Canonical).ToList();

    [Fact]
    public void Offsets_point_into_the_input()
    {
        const string text = "We use k8s, React.js and PostgreSQL daily.";
        var mentions = Extractor.Extract(text);
        Assert.Equal(["Kubernetes", "React", "PostgreSQL"], mentions.Select(m => m.Canonical));
        Assert.All(mentions, m => Assert.Equal(m.Text, text[m.Start..m.End]));
        Assert.Equal("React.js", mentions[1].Text);
        Assert.Equal(SkillCategory.Technical, mentions[0].Category);
        Assert.Equal("onet:kubernetes", mentions[0].SkillId);
    }

    [Fact]
    public void Longest_alias_wins()
    {
        Assert.Equal(["JavaScript"], Canonicals("Strong JavaScript skills"));
        Assert.Equal(["Java", "JavaScript"], Canonicals("Java and JavaScript"));
        Assert.Equal(["Machine learning"], Canonicals("machine learning"));
        Assert.Equal(["React Native"], Canonicals("Built apps with React Native"));
    }

    [Fact]
    public void Go_the_language_needs_capital_and_context()
    {
        Assert.Empty(Canonicals("You will go the extra mile."));
        Assert.Empty(Canonicals("Go beyond what is expected of you."));
        Assert.Contains("Go", Canonicals("Backend services in Go and Python."));
        Assert.Contains("Go", Canonicals("We write golang."));
    }

    [Fact]
    public void Single_letters_need_context()
    {
        Assert.Empty(Canonicals("Plan C is to wait."));
        Assert.Empty(Canonicals("Vitamin C and R&D budgets."));
        Assert.Equal(["C", "C++", "Python"], Canonicals("Languages: C, C++, Python"));
        Assert.Equal(["R", "SQL"], Canonicals("Statistical modelling in R and SQL"));
    }

    [Fact]
    public void Common_words_that_are_tool_names_do_not_fire_alone()
    {
        Assert.Empty(Canonicals("In spring we react quickly to express orders."));
        Assert.Empty(Canonicals("Spring is a busy season for our chefs."));
        Assert.Contains("Spring", Canonicals("Java, Spring and Hibernate"));
    }

    [Fact]
    public void Plurals_of_case_insensitive_aliases_match()
    {
        Assert.Contains("REST APIs", Canonicals("designing RESTful APIs"));
        Assert.Contains("Microservices", Canonicals("Experience with microservices"));
    }

    [Fact]
    public void Phrases_do_not_run_across_punctuation()
    {
        // "machine learning" is an alias; split by a comma it is two words.
        Assert.DoesNotContain("Machine learning", Canonicals("the machine, learning fast"));
    }

    [Fact]
    public void Empty_text_has_no_mentions() => Assert.Empty(Extractor.Extract(""));
}
