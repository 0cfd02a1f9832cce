namespace Jobsmith.Core.Jobs;

public enum SalaryPeriod { Unknown, Hour, Day, Week, Month, Year }

/// <summary>A pay range; either bound may be missing ("up to £50k" has only a maximum).</summary>
public sealed record SalaryRange(decimal? Min, decimal? Max, string? Currency, SalaryPeriod Period)
{
    public override string ToString() =>
        $"{Currency ?? "?"} {Min?.ToString("0.##") ?? "?"}-{Max?.ToString("0.##") ?? "?"} per {Period}";
}
