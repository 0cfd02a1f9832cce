using System.Globalization;
using Jobsmith.Core.Jobs.Store;

namespace Jobsmith.Web.Components.Pages.Jobs;

internal static class JobFormat
{
    public static string Salary(JobSummary job)
    {
        if (job.SalaryMin is null && job.SalaryMax is null) return "";
        static string N(double? v) => v?.ToString("#,0", CultureInfo.InvariantCulture) ?? "?";
        var range = job.SalaryMin == job.SalaryMax ? N(job.SalaryMin) : $"{N(job.SalaryMin)}–{N(job.SalaryMax)}";
        return $"{job.SalaryCurrency} {range}{(job.SalaryPeriod is { } p and not "Unknown" ? $" per {p.ToLowerInvariant()}" : "")}".Trim();
    }

    public static string Date(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
