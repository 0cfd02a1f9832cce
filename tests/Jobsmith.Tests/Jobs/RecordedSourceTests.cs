using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Tests.Jobs;

/// <summary>Each source's parser on a response recorded in that service's exact format, with fields checked by hand.</summary>
public sealed class RecordedSourceTests : IDisposable
{
    private readonly SafeHttpFetcher _fetcher = TestFetchers.Loopback();

    public void Dispose() => _fetcher.Dispose();

    [Fact]
    public void Lever_rejoins_lists_and_rejects_a_malformed_posting()
    {
        var batch = new LeverSource(_fetcher).Parse(TestFetchers.Recording("lever.json"), new Uri("https://api.lever.co/v0/postings/northwind?mode=json"));

        Assert.Equal(3, batch.Fetched);
        var error = Assert.Single(batch.Errors);
        Assert.Equal("bad-categories", error.Locator);
        Assert.Contains("'categories' should be an object", error.Reason, StringComparison.Ordinal);
        var senior = batch.Postings[0];
        Assert.Equal(("Senior Platform Engineer", "northwind", RemoteType.Hybrid, Seniority.Senior), (senior.Title, senior.Company, senior.Remote, senior.Seniority));
        Assert.Equal(["Toronto, ON", "Montreal, QC"], senior.Locations);
        Assert.Equal(new SalaryRange(150000, 180000, "CAD", SalaryPeriod.Year), senior.Salary);
        Assert.Equal(["5+ years of Go or Rust", "PostgreSQL in production"], senior.Requirements);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.Zero), senior.PostedAt);
        Assert.EndsWith("We offer a 4-day week.", senior.Description.Text, StringComparison.Ordinal);
        Assert.Equal((EmploymentType.Internship, RemoteType.Remote), (batch.Postings[1].Employment, batch.Postings[1].Remote));
    }

    [Fact]
    public void Workable_reads_locations_and_drops_scripts()
    {
        var batch = new WorkableSource(_fetcher).Parse(TestFetchers.Recording("workable.json"), null);

        Assert.Empty(batch.Errors);
        var qa = batch.Postings[0];
        Assert.Equal(("A1B2C3D4E5", "Junior QA Engineer", "Fabrikam"), (qa.ExternalId, qa.Title, qa.Company));
        Assert.Equal(["Athens, Attica, Greece"], qa.Locations);
        Assert.Equal((RemoteType.Onsite, Seniority.Junior, EmploymentType.FullTime), (qa.Remote, qa.Seniority, qa.Employment));
        Assert.Equal(["Python test automation", "Curiosity"], qa.Requirements);
        Assert.DoesNotContain("alert", qa.Description.Text, StringComparison.Ordinal);
        var tech = batch.Postings[1];
        Assert.Equal((RemoteType.Remote, EmploymentType.PartTime), (tech.Remote, tech.Employment));
        Assert.Equal(["Thessaloniki, Greece"], tech.Locations);
    }

    [Fact]
    public void Rss_splits_company_from_title_and_rejects_an_untitled_item()
    {
        var batch = new RssSource(_fetcher).Parse(TestFetchers.Recording("rss.xml"), null);

        Assert.Equal(3, batch.Fetched);
        Assert.Equal("posting has no title", Assert.Single(batch.Errors).Reason);
        var unity = batch.Postings[0];
        Assert.Equal(("Senior Unity Developer", "Tailspin Toys"), (unity.Title, unity.Company));
        Assert.Equal(new Uri("https://jobs.example.org/remote-jobs/tailspin-senior-unity-developer"), unity.CanonicalUrl);
        Assert.Equal(["Anywhere in the World"], unity.Locations);
        Assert.Equal(RemoteType.Remote, unity.Remote);
        Assert.Equal(new DateTimeOffset(2024, 6, 4, 9, 30, 0, TimeSpan.Zero), unity.PostedAt);
        Assert.Equal(("Backend Engineer", "Litware", "Kotlin services."), (batch.Postings[1].Title, batch.Postings[1].Company, batch.Postings[1].Description.Text));
    }

    [Fact]
    public void Atom_entries_use_the_author_as_company()
    {
        var job = Assert.Single(new RssSource(_fetcher).Parse(TestFetchers.Recording("atom.xml"), null).Postings);

        Assert.Equal(("urn:adventure-works:job:481", "Warehouse Lead", "Adventure Works", "Lead a team of 12."), (job.ExternalId, job.Title, job.Company, job.Description.Text));
        Assert.Equal(Seniority.Lead, job.Seniority);
    }

    [Fact]
    public void Csv_reads_documented_columns_keeps_unknown_ones_and_rejects_bad_rows()
    {
        var batch = new CsvFileSource(_fetcher).Parse(TestFetchers.Recording("jobs.csv"), null);

        Assert.Equal(4, batch.Fetched);
        Assert.Equal(["posting has no title", "posted_at 'yesterday-ish' is not a date"], batch.Errors.Select(e => e.Reason));
        var staff = batch.Postings[0];
        Assert.Equal(("csv-1", "Staff Data Engineer", "Woodgrove Bank"), (staff.ExternalId, staff.Title, staff.Company));
        Assert.Equal(["London, UK", "Remote"], staff.Locations);
        Assert.Equal((RemoteType.Hybrid, Seniority.Staff), (staff.Remote, staff.Seniority));
        Assert.Equal(new SalaryRange(90000, 110000, "GBP", SalaryPeriod.Year), staff.Salary);
        Assert.Equal(new Uri("https://woodgrove.example/jobs/1"), staff.CanonicalUrl);
        Assert.Equal("Data", staff.Raw!.Value.GetProperty("team").GetString());
        var payroll = batch.Postings[1];
        Assert.Equal((RemoteType.Onsite, EmploymentType.PartTime), (payroll.Remote, payroll.Employment));
        Assert.Equal(new SalaryRange(null, 50000, "GBP", SalaryPeriod.Year), payroll.Salary);
        Assert.Equal("Run payroll.\n\n• CIPP", payroll.Description.Text);
    }

    [SkippableFact]
    public void Json_resume_jobs_from_the_schema_sample()
    {
        var path = TestSupport.SharedData.Require("resumes", "jsonresume", "sample.job.json");
        var job = Assert.Single(new JsonResumeJobSource(_fetcher).Parse(File.ReadAllText(path!), null).Postings);

        Assert.Equal(("Web Developer", "Microsoft", RemoteType.Hybrid, EmploymentType.FullTime, Seniority.Mid), (job.Title, job.Company, job.Remote, job.Employment, job.Seniority));
        Assert.Equal(["Berlin, DE"], job.Locations);
        Assert.Equal(new SalaryRange(100000, 100000, null, SalaryPeriod.Year), job.Salary);
        Assert.Equal(3, job.Requirements.Count);
        Assert.Contains("• Develop and maintain web applications", job.Description.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero), job.PostedAt);
        Assert.Equal(new Uri("https://example.com/jobs/web-developer"), job.CanonicalUrl);
        Assert.StartsWith("h:", job.ExternalId, StringComparison.Ordinal);
    }

    [Fact]
    public void Adzuna_ignores_predicted_salaries()
    {
        var batch = new AdzunaSource(_fetcher).Parse(TestFetchers.Recording("adzuna.json"), null);

        Assert.Empty(batch.Errors);
        var java = batch.Postings[0];
        Assert.Equal(("4712598861", "Java Developer", "Proseware Ltd"), (java.ExternalId, java.Title, java.Company));
        Assert.Equal(new SalaryRange(55000, 65000, null, SalaryPeriod.Year), java.Salary);
        Assert.Equal(new Uri("https://adzuna.co.uk/jobs/land/ad/4712598861?se=abc"), java.CanonicalUrl);
        Assert.Null(batch.Postings[1].Salary);
    }

    [Fact]
    public void Jooble_reads_text_salaries_and_rejects_a_wrongly_typed_title()
    {
        var batch = new JoobleSource(_fetcher).Parse(TestFetchers.Recording("jooble.json"), null);

        Assert.Contains("'title' should be a string but is object", Assert.Single(batch.Errors).Reason, StringComparison.Ordinal);
        var job = Assert.Single(batch.Postings);
        Assert.Equal(("-5836224523489157433", "Frontend Developer (React)", "Blue Yonder Airlines GmbH"), (job.ExternalId, job.Title, job.Company));
        Assert.Equal(new SalaryRange(60000, 75000, "EUR", SalaryPeriod.Year), job.Salary);
        Assert.Equal("...build our React dashboard...", job.Description.Text);
    }

    [Fact]
    public void Remotive_remoteok_and_arbeitnow()
    {
        var remotive = Assert.Single(new RemotiveSource(_fetcher).Parse(TestFetchers.Recording("remotive.json"), null).Postings);
        Assert.Equal(("Senior Ruby Engineer", "Wingtip", RemoteType.Remote), (remotive.Title, remotive.Company, remotive.Remote));
        Assert.Equal(new SalaryRange(120000, 150000, "USD", SalaryPeriod.Year), remotive.Salary);
        Assert.Equal(["Rails 7", "Sidekiq"], remotive.Requirements);

        var remoteOk = new RemoteOkSource(_fetcher).Parse(TestFetchers.Recording("remoteok.json"), null);
        var devops = Assert.Single(remoteOk.Postings);
        Assert.Equal(1, remoteOk.Fetched);
        Assert.Equal(("1086500", "DevOps Engineer", "Margie's Travel"), (devops.ExternalId, devops.Title, devops.Company));
        Assert.Equal(new SalaryRange(70000, 90000, "USD", SalaryPeriod.Year), devops.Salary);

        var arbeitnow = new ArbeitnowSource(_fetcher).Parse(TestFetchers.Recording("arbeitnow.json"), null).Postings;
        Assert.Equal((EmploymentType.Internship, Seniority.Intern, RemoteType.Unknown), (arbeitnow[0].Employment, arbeitnow[0].Seniority, arbeitnow[0].Remote));
        Assert.Equal((EmploymentType.FullTime, RemoteType.Remote), (arbeitnow[1].Employment, arbeitnow[1].Remote));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1717495200), arbeitnow[0].PostedAt);
    }

    [Fact]
    public void LinkedIn_guest_cards()
    {
        var batch = new LinkedInSource(_fetcher).Parse(TestFetchers.Recording("linkedin.html"), null);

        Assert.Equal("job card has no data-entity-urn id", Assert.Single(batch.Errors).Reason);
        var sre = batch.Postings[0];
        Assert.Equal(("3941234567", "Site Reliability Engineer", "Coho Winery"), (sre.ExternalId, sre.Title, sre.Company));
        Assert.Equal(["Lisbon, Lisbon, Portugal"], sre.Locations);
        Assert.Equal(new SalaryRange(50000, 70000, "EUR", SalaryPeriod.Year), sre.Salary);
        Assert.Equal("easy_apply", sre.Application.WireName);
        Assert.Equal(new Uri("https://linkedin.com/jobs/view/site-reliability-engineer-at-coho-winery-3941234567?pageNum=0&position=1"), sre.CanonicalUrl);
        Assert.Equal(RemoteType.Hybrid, batch.Postings[1].Remote);
        Assert.False(new LinkedInSource(_fetcher).Descriptor.EnabledByDefault);
    }

    [Fact]
    public void Indeed_reads_the_embedded_job_cards()
    {
        var batch = new IndeedSource(_fetcher).Parse(TestFetchers.Recording("indeed.html"), new Uri("https://www.indeed.com/jobs?q=python"));

        Assert.Empty(batch.Errors);
        var python = batch.Postings[0];
        Assert.Equal(("8f1e2d3c4b5a6978", "Python Developer", "Fourth Coffee", EmploymentType.Contract), (python.ExternalId, python.Title, python.Company, python.Employment));
        Assert.Equal(new SalaryRange(45, 60, "USD", SalaryPeriod.Hour), python.Salary);
        Assert.Equal(new Uri("https://www.indeed.com/viewjob?jk=8f1e2d3c4b5a6978"), python.ApplyUrl);
        Assert.Equal(ApplicationType.EasyApply, python.Application.Type);
        Assert.Equal((RemoteType.Remote, Seniority.Senior), (batch.Postings[1].Remote, batch.Postings[1].Seniority));
    }

    [Fact]
    public void Glassdoor_listing_cards()
    {
        var batch = new GlassdoorSource(_fetcher).Parse(TestFetchers.Recording("glassdoor.html"), new Uri("https://www.glassdoor.com/Job/jobs.htm"));

        Assert.Equal("job card has no data-jobid", Assert.Single(batch.Errors).Reason);
        var nurse = Assert.Single(batch.Postings);
        Assert.Equal(("1009312345678", "Registered Nurse", "Relecloud Health"), (nurse.ExternalId, nurse.Title, nurse.Company));
        Assert.Equal(new SalaryRange(38, 52, "USD", SalaryPeriod.Hour), nurse.Salary);
        Assert.Equal(["Chicago, IL"], nurse.Locations);
        Assert.Equal("Provide patient care on a 30-bed unit.", nurse.Description.Text);
    }

    [Fact]
    public void Naukri_placeholders()
    {
        var batch = new NaukriSource(_fetcher).Parse(TestFetchers.Recording("naukri.json"), null);

        Assert.Empty(batch.Errors);
        var java = batch.Postings[0];
        Assert.Equal(["Bengaluru", "Pune"], java.Locations);
        Assert.Equal(new SalaryRange(1800000, 2500000, null, SalaryPeriod.Year), java.Salary);
        Assert.Equal(new Uri("https://www.naukri.com/job-listings-senior-java-developer-a-datum-technologies-bengaluru-5-to-10-years-040624500123"), java.ApplyUrl);
        var support = batch.Postings[1];
        Assert.Equal((Seniority.Junior, (SalaryRange?)null, (DateTimeOffset?)null), (support.Seniority, support.Salary, support.PostedAt));
    }

    [Fact]
    public void Pasted_text_and_pasted_page()
    {
        var source = new PasteSource(_fetcher);
        var text = Assert.Single(source.Parse("Senior Rust Engineer at Graphic Design Institute\nLocation: Remote (EU)\nSalary: €80k-€95k\n\nYou will build compilers.\n- Rust\n- LLVM", null).Postings);
        Assert.Equal(("Senior Rust Engineer", "Graphic Design Institute", RemoteType.Remote), (text.Title, text.Company, text.Remote));
        Assert.Equal(new SalaryRange(80000, 95000, "EUR", SalaryPeriod.Year), text.Salary);
        Assert.Equal("You will build compilers.\n\n• Rust\n• LLVM", text.Description.Text);

        var page = Assert.Single(source.Parse("<html><head><meta property='og:site_name' content='Bellows College'></head><body><main><h1>Lab Technician</h1><p>Run the lab.</p></main></body></html>", new Uri("https://bellows.example/jobs/7")).Postings);
        Assert.Equal(("Lab Technician", "Bellows College"), (page.Title, page.Company));
        Assert.Equal("Lab Technician\n\nRun the lab.", page.Description.Text);
    }

    [Fact]
    public void Every_source_has_a_flag_and_a_rate_limit_and_big_boards_start_off()
    {
        var descriptors = JobSources.Catalog(_fetcher).Descriptors;

        Assert.Equal(18, descriptors.Count);
        Assert.All(descriptors, d => Assert.Equal(Jobsmith.Core.Flags.FeatureFlagCatalog.SourceFlag(d.Kind), d.FeatureFlag));
        Assert.All(descriptors, d => Assert.True(d.RateLimit.Requests > 0));
        Assert.Equal(["glassdoor", "indeed", "linkedin", "naukri"], descriptors.Where(d => !d.EnabledByDefault).Select(d => d.Kind));
    }
}
