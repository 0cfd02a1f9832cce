using System.Text;
using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles;
using Jobsmith.Tests.Profiles.Fixtures;

namespace Jobsmith.Tests.Profiles;

public sealed class ProfileJsonTests
{
    [Fact]
    public async Task Serializes_exactly_the_cli_contract()
    {
        const string text = "Jane Doe\njane@example.com\n\nEXPERIENCE\nData Analyst\nInitech LLC - Austin, TX\nMay 2020 to Present\n• Built dashboards\n\nEDUCATION\nB.S. in Statistics\nUniversity of Texas\n2016 - 2020\n\nSKILLS\nSQL, Python, Tableau";
        var resume = await new ProfileParser(new FixedClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .ParseAsync(Encoding.UTF8.GetBytes(text), "resume.txt");
        var json = JsonNode.Parse(ProfileJson.Serialize(resume))!.AsObject();

        Assert.Equal(["name", "email", "phone", "location", "links", "summary", "experience", "education", "skills", "completeness"],
            json.Select(p => p.Key));
        var job = json["experience"]![0]!.AsObject();
        Assert.Equal(["title", "company", "location", "start", "end", "bullets"], job.Select(p => p.Key));
        Assert.Equal("Present", (string?)job["end"]);
        Assert.Equal("2020-05", (string?)job["start"]);
        Assert.Equal("Initech LLC", (string?)job["company"]);
        Assert.Equal(["degree", "field", "institution", "start", "end"], json["education"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal("Statistics", (string?)json["education"]![0]!["field"]);
        Assert.Equal(["name", "canonical", "category"], json["skills"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["score", "missing"], json["completeness"]!.AsObject().Select(p => p.Key));
        Assert.Contains("phone", json["completeness"]!["missing"]!.AsArray().Select(n => (string?)n));
    }
}
