using Jobsmith.Core.Skills;

namespace Jobsmith.Tests.Skills;

public sealed class TitleNormalizerTests
{
    [Theory]
    [InlineData("Sr. Software Engineer II", "Software Engineer", Seniority.Senior, "15-1252.00")]
    [InlineData("Software Engineer II", "Software Engineer", Seniority.Mid, "15-1252.00")]
    [InlineData("Junior Data Scientist", "Data Scientist", Seniority.Junior, "15-2051.00")]
    [InlineData("Software Engineering Intern", "Software Engineering", Seniority.Intern, null)]
    [InlineData("Staff Software Engineer", "Software Engineer", Seniority.Lead, "15-1252.00")]
    [InlineData("Principal Engineer, Payments", "Engineer", Seniority.Principal, null)]
    [InlineData("Engineering Manager", "Engineering Manager", Seniority.Manager, null)]
    [InlineData("Senior Product Manager", "Product Manager", Seniority.Senior, null)]
    [InlineData("Director of Engineering", "Director of Engineering", Seniority.Director, null)]
    [InlineData("VP of Sales", "Vice President of Sales", Seniority.Executive, null)]
    [InlineData("CTO", "Chief Technology Officer", Seniority.Executive, null)]
    [InlineData("Accountant", "Accountant", Seniority.Unknown, "13-2011.00")]
    [InlineData("Registered Nurse", "Registered Nurse", Seniority.Unknown, "29-1141.00")]
    [InlineData("Team Lead, Customer Support", "Team Lead", Seniority.Lead, null)]
    [InlineData("Backend Engineer (Senior)", "Back End Engineer", Seniority.Senior, null)]
    public void Parses_role_and_seniority(string input, string role, Seniority seniority, string? code)
    {
        var n = TitleNormalizer.Normalize(input);
        Assert.Equal(role, n.Title);
        Assert.Equal(seniority, n.Seniority);
        if (code is not null) Assert.Equal(code, n.OccupationCode);
    }

    [Fact]
    public void Maps_to_occupations_with_titles()
    {
        var n = TitleNormalizer.Normalize("Sr. Software Engineer II");
        Assert.Equal("Software Developers", n.OccupationTitle);
        Assert.Equal(1.0, n.Confidence);
        Assert.NotNull(TitleNormalizer.Normalize("Senior Frontend Developer").OccupationCode);
        Assert.NotNull(TitleNormalizer.Normalize("Head of Marketing").OccupationCode);
    }

    [Fact]
    public void Unknown_words_get_no_occupation() =>
        Assert.Null(TitleNormalizer.Normalize("Xyzzy Plugh").OccupationCode);
}
