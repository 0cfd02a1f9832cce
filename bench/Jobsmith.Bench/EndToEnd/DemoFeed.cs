using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jobsmith.Core.Orchestration.Demo;

namespace Jobsmith.Bench.EndToEnd;

/// <summary>
/// Many realistic, varied postings (P5, P6, P8) grown from the demo feed the project ships: each row takes one demo posting's
/// role and text, and gets its own employer, city, work mode, pay (scaled), seniority now and then, a sentence borrowed
/// from another posting and a benefit line. Written as CSV files in the import's column names, so the rows go through the
/// same parse, normalize, dedupe and store as a file a candidate uploads. Deterministic for a given count.
/// </summary>
internal static partial class DemoFeed
{
    private static readonly string[] Names =
    [
        "Lumen", "Kestrel", "Oakridge", "Greenfield", "Contoso", "Brightline", "Tallis", "Northwind", "Pebble", "Fjord",
        "Vela", "Quill", "Harbor", "Alder", "Atlas", "Ironbridge", "Solace", "Beacon", "Verdant", "Fabrikam",
        "Tallwood", "Cobalt", "Meridian", "Juniper", "Halcyon", "Saffron", "Granite", "Osprey", "Larkspur", "Nimbus",
        "Copperleaf", "Riverbend", "Sable", "Tessera", "Umber", "Wren", "Zephyr", "Aurora", "Birch", "Cedar",
        "Delta", "Ember", "Falcon", "Glacier", "Heron", "Indigo", "Jasper", "Kite", "Lattice", "Maple",
        "Nova", "Orchid", "Prism", "Quartz", "Raven", "Summit", "Thistle", "Vantage", "Willow", "Yarrow",
    ];

    private static readonly string[] Trades =
    [
        "Payments", "Analytics", "Bank", "Energy", "Cloud", "Travel", "Health", "Retail", "Apps", "Logistics",
        "Marketplaces", "AI", "SaaS", "Insurance", "Property", "Systems", "Metrics", "Grid", "Mobility", "Foods",
    ];

    private static readonly string[] Suffixes = ["", " GmbH", " Labs", " Group", " AG", " BV", " Ltd", " Technologies"];

    private static readonly string[] Cities =
    [
        "Berlin", "Hamburg", "Munich", "Frankfurt", "Cologne", "Amsterdam", "Rotterdam", "Lisbon", "Porto", "Madrid",
        "Barcelona", "Paris", "Lyon", "London", "Manchester", "Dublin", "Copenhagen", "Stockholm", "Oslo", "Helsinki",
        "Warsaw", "Krakow", "Prague", "Vienna", "Zurich", "Brussels", "Milan", "Tallinn", "Remote (EU)", "Remote (Germany)",
    ];

    private static readonly string[] Modes = ["yes", "hybrid", "hybrid", "no"];

    private static readonly string[] Levels = ["Junior", "Senior", "Staff", "Lead", "Principal"];

    private static readonly string[] Benefits =
    [
        "We offer 30 days of holiday and a yearly learning budget.",
        "Flexible hours, a public transport pass and a budget for your home office.",
        "You get a company pension plan and private health insurance.",
        "The team meets in person once a quarter; travel is paid by us.",
        "We sponsor work visas and help with relocation.",
        "Parental leave beyond the legal minimum and a four-day week option.",
        "Hardware of your choice and time for open-source contributions.",
        "We are a small team, so your work reaches customers within days.",
        "Interviews: a short call, a take-home exercise of two hours and a final conversation with the team.",
        "Employee stock options for everyone who joins.",
    ];

    /// <summary>The postings as CSV files of at most <paramref name="perFile"/> rows each, in order.</summary>
    public static IEnumerable<string> Files(int count, int perFile, int seed = 6)
    {
        var demo = DemoRows();
        var random = new Random(seed);
        for (var first = 0; first < count; first += perFile)
        {
            var csv = new StringBuilder("external_id,title,company,location,remote,salary,description,url\n");
            for (var i = first; i < Math.Min(count, first + perFile); i++)
            {
                var row = Row(demo, random, i);
                csv.AppendJoin(',', row.Select(Quote)).Append('\n');
            }
            yield return csv.ToString();
        }
    }

    private static string[] Row(List<string[]> demo, Random random, int i)
    {
        var source = demo[random.Next(demo.Count)];
        var company = $"{Names[random.Next(Names.Length)]} {Trades[random.Next(Trades.Length)]}{Suffixes[random.Next(Suffixes.Length)]}";
        var slug = SlugChars().Replace(company.ToLowerInvariant(), "-").Trim('-');
        var title = source[1];
        // A quarter of the rows change seniority, so one role appears at several levels as on a real board.
        if (random.Next(4) == 0)
        {
            var bare = LeadingLevel().Replace(title, "");
            title = $"{Levels[random.Next(Levels.Length)]} {bare}";
        }
        var description = new StringBuilder(source[6]);
        if (random.Next(2) == 0)
        {
            var other = demo[random.Next(demo.Count)][6];
            var sentences = other.Split(". ", StringSplitOptions.RemoveEmptyEntries);
            description.Append(' ').Append(sentences[random.Next(sentences.Length)].TrimEnd('.')).Append('.');
        }
        description.Append(' ').Append(Benefits[random.Next(Benefits.Length)]);
        var factor = 0.85 + random.NextDouble() * 0.35;
        var salary = Number().Replace(source[5], m => Scale(m.Value, factor));
        var url = source[7].Length == 0 ? "" : random.Next(3) == 0 ? $"https://jobs.{slug}.example/openings/{i}" : $"mailto:jobs@{slug}.example";
        return [$"bench-{i:D6}", title, company, Cities[random.Next(Cities.Length)], Modes[random.Next(Modes.Length)], salary, description.ToString(), url];
    }

    private static string Scale(string number, double factor)
    {
        var value = double.Parse(number.Replace(",", ""), CultureInfo.InvariantCulture) * factor;
        var step = value >= 10_000 ? 1_000 : 100;
        return (Math.Round(value / step) * step).ToString("#,0", CultureInfo.InvariantCulture);
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n']) < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";

    /// <summary>The shipped demo CSV's rows (quoted fields, no line breaks inside), header skipped.</summary>
    private static List<string[]> DemoRows()
    {
        var rows = new List<string[]>();
        foreach (var line in DemoData.Postings().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var k = 0; k < line.Length; k++)
            {
                var c = line[k];
                if (quoted && c == '"' && k + 1 < line.Length && line[k + 1] == '"') { field.Append('"'); k++; }
                else if (c == '"') quoted = !quoted;
                else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
                else if (c != '\r') field.Append(c);
            }
            fields.Add(field.ToString());
            if (fields.Count == 8) rows.Add([.. fields]);
        }
        return rows.Count > 0 ? rows : throw new InvalidOperationException("The demo feed has no rows this bench can read.");
    }

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex SlugChars();

    [GeneratedRegex(@"^(Junior|Senior|Staff|Lead|Principal)\s+")]
    private static partial Regex LeadingLevel();

    [GeneratedRegex(@"\d{1,3}(,\d{3})+|\d{4,}")]
    private static partial Regex Number();
}
