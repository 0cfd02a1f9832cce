using Jobsmith.Core.Profiles.Import;
using Jobsmith.Tests.Profiles.Fixtures;
using Jobsmith.Tests.TestSupport;
using Xunit.Abstractions;

namespace Jobsmith.Tests.Profiles;

public sealed class TextLayerCheckTests(ITestOutputHelper output)
{
    private const string Page = """
        Jane Doe
        jane.doe@example.com • +1 617 555 0142 • Boston, MA
        EXPERIENCE
        Senior Developer, Acme Corp, Boston, MA
        January 2019 to Present
        • Built the billing platform in C# and PostgreSQL
        • Led a team of five engineers through the move to Kubernetes
        SKILLS
        C#, PostgreSQL, Docker, Kubernetes, Terraform
        """;

    [Fact]
    public void A_resume_page_is_text_and_the_same_page_in_glyph_codes_is_not()
    {
        Assert.False(TextLayerCheck.IsGibberish(Page));
        // What a subset font without a Unicode map gives: each character's code shifted to another one.
        var codes = string.Concat(Page.Select(c => char.IsWhiteSpace(c) || c > '~' ? c : (char)((c - 33 + 47) % 94 + 33)));
        Assert.True(TextLayerCheck.IsGibberish(codes), codes);
    }

    [Fact]
    public void A_short_page_is_not_judged()
    {
        Assert.False(TextLayerCheck.IsGibberish("*?M/`b?2F` 7$! 0=)"));
    }

    [SkippableFact]
    public void No_real_resume_text_is_taken_for_glyph_codes()
    {
        var zip = SharedData.Require("resumes", "dotin", "545_cvs_train_v2.zip");
        var judged = DotinCorpus.Read(zip)
            .Select(r => (r.Id, Measure: TextLayerCheck.Measure(r.Text), Gibberish: TextLayerCheck.IsGibberish(r.Text)))
            .ToList();
        var lowest = judged.Where(j => j.Measure.Characters >= 200).MinBy(j => (double)j.Measure.WordLike / j.Measure.Characters);
        output.WriteLine($"{judged.Count} texts; lowest word-like share {(double)lowest.Measure.WordLike / lowest.Measure.Characters:0.00} ({lowest.Id})");
        Assert.True(judged.Count > 300);
        Assert.Empty(judged.Where(j => j.Gibberish).Select(j => j.Id));
    }
}
