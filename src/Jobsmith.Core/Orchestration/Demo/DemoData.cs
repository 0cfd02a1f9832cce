namespace Jobsmith.Core.Orchestration.Demo;

/// <summary>
/// The demo feed and resume shipped with the project (embedded): 22 postings and a resume written for it, fictional
/// companies on .example domains, so a first run has realistic data and nothing can reach a real employer.
/// </summary>
public static class DemoData
{
    public static byte[] Resume() => Read("demo-resume.txt");

    public static string Postings() => System.Text.Encoding.UTF8.GetString(Read("demo-postings.csv"));

    private static byte[] Read(string name)
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream($"Jobsmith.Core.Orchestration.Demo.{name}")
            ?? throw new InvalidOperationException($"The demo data {name} is missing from this build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
