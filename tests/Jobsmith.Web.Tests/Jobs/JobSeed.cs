using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Jobs;

internal static class JobSeed
{
    /// <summary>Stores postings through the real ingestion path: the JSON Resume job source, then the store.</summary>
    public static async Task<ImportSummary> ImportAsync(IServiceProvider services, string jsonResumeJobs)
    {
        await using var scope = services.CreateAsyncScope();
        var result = scope.ServiceProvider.GetRequiredService<JobIngestion>().ImportPayload("jsonresume-job", jsonResumeJobs, null);
        return await scope.ServiceProvider.GetRequiredService<JobIngestionStore>().SaveAsync(result, default);
    }

    public const string TwoJobs = """
        [
          {"title": "Senior Rust Engineer", "company": "Ferrous", "type": "Full-time", "date": "2026-11-01", "location": {"city": "Berlin", "countryCode": "DE"},
           "remote": "Full", "salary": "€90,000 - €110,000 per year", "description": "Build a database in Rust.", "meta": {"canonical": "https://ferrous.example/jobs/1"}},
          {"title": "Barista", "company": "Beans", "type": "Part-time", "date": "2026-11-02", "location": {"city": "Lisbon", "countryCode": "PT"},
           "remote": "None", "salary": "€1,200 per month", "description": "Make coffee.", "meta": {"canonical": "https://beans.example/jobs/2"}}
        ]
        """;

    public const string Hostile = """
        [
          {"title": "Evil <script>alert('t')</script> Engineer", "company": "Mallory", "date": "2026-11-03",
           "description": "Hello <script>alert('x')</script> and <img src=x onerror=alert(1)> bye", "meta": {"canonical": "https://mallory.example/jobs/3"}}
        ]
        """;
}
