using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Tests.Jobs;

public sealed class SalaryParserTests
{
    [Theory]
    [InlineData("$120k–$150k", 120000, 150000, "USD", SalaryPeriod.Year)]
    [InlineData("€60.000 - €75.000 per year", 60000, 75000, "EUR", SalaryPeriod.Year)]
    [InlineData("45/hr", 45, 45, null, SalaryPeriod.Hour)]
    [InlineData("USD 100,000", 100000, 100000, "USD", SalaryPeriod.Year)]
    [InlineData("$30.00 – $80.00 per hour", 30, 80, "USD", SalaryPeriod.Hour)]
    [InlineData("£90k - £110k per year", 90000, 110000, "GBP", SalaryPeriod.Year)]
    [InlineData("60-75k EUR", 60000, 75000, "EUR", SalaryPeriod.Year)]
    [InlineData("$45 - $60 an hour", 45, 60, "USD", SalaryPeriod.Hour)]
    [InlineData("€50,000.00 - €70,000.00", 50000, 70000, "EUR", SalaryPeriod.Year)]
    [InlineData("18-25 Lacs PA", 1800000, 2500000, null, SalaryPeriod.Year)]
    [InlineData("4.500 € brutto / Monat", 4500, 4500, "EUR", SalaryPeriod.Month)]
    [InlineData("CHF 120 000 to 140 000 annually", 120000, 140000, "CHF", SalaryPeriod.Year)]
    public void Reads_ranges_from_free_text(string text, double min, double max, string? currency, SalaryPeriod period)
    {
        var salary = SalaryParser.FromText(text);

        Assert.NotNull(salary);
        Assert.Equal((decimal)min, salary.Min);
        Assert.Equal((decimal)max, salary.Max);
        Assert.Equal(currency, salary.Currency);
        Assert.Equal(period, salary.Period);
    }

    [Fact]
    public void Up_to_gives_only_a_maximum()
    {
        var salary = SalaryParser.FromText("up to £50k");

        Assert.NotNull(salary);
        Assert.Null(salary.Min);
        Assert.Equal(50000m, salary.Max);
        Assert.Equal("GBP", salary.Currency);
        Assert.Equal(SalaryPeriod.Year, salary.Period);
    }

    [Fact]
    public void From_gives_only_a_minimum()
    {
        var salary = SalaryParser.FromText("from $80,000 a year");

        Assert.NotNull(salary);
        Assert.Equal(80000m, salary.Min);
        Assert.Null(salary.Max);
    }

    [Theory]
    [InlineData("Not disclosed")]
    [InlineData("Competitive")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_without_amounts_has_no_salary(string? text) => Assert.Null(SalaryParser.FromText(text));

    [Fact]
    public void Equity_percentages_are_not_read_as_pay()
    {
        var salary = SalaryParser.FromText("$100K – $200K • 0.1% – 0.5%");

        Assert.NotNull(salary);
        Assert.Equal(100000m, salary.Min);
        Assert.Equal(200000m, salary.Max);
    }

    [Theory]
    [InlineData("1 YEAR", SalaryPeriod.Year)]
    [InlineData("1 HOUR", SalaryPeriod.Hour)]
    [InlineData("per-year-salary", SalaryPeriod.Year)]
    [InlineData("per-month-salary", SalaryPeriod.Month)]
    [InlineData("HOUR", SalaryPeriod.Hour)]
    public void Structured_intervals_map_to_periods(string interval, SalaryPeriod period) =>
        Assert.Equal(period, SalaryParser.FromStructured(10, 20, "usd", interval)!.Period);

    [Fact]
    public void Structured_fields_normalize_currency_and_order()
    {
        var salary = SalaryParser.FromStructured(200000, 100000, "usd", null);

        Assert.Equal(new SalaryRange(100000, 200000, "USD", SalaryPeriod.Year), salary);
        Assert.Null(SalaryParser.FromStructured(null, null, "USD", "1 YEAR"));
        Assert.Null(SalaryParser.FromStructured(0, 0, "USD", "1 YEAR"));
    }
}
