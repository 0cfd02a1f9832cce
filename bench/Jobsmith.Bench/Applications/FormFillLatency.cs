using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jobsmith.Channels.BrowserForm;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Tests.Applications.Channels;
using Jobsmith.Tests.Profiles.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jobsmith.Bench.Applications;

/// <summary>
/// F3 latency: the browser form channel filling and submitting a 20-field Greenhouse-like form with a resume and a
/// cover-letter upload on loopback, in a warm Chromium (target ≤ 2 s), from opening the page to the confirmation,
/// screenshots included. The first run (browser launch) is reported apart.
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- form-fill [runs]
/// </summary>
internal static class FormFillLatency
{
    // 20 fields a person fills: 17 questions (two with a paste box beside the upload) and the location.
    private const string Job = """
        {
          "id": 9020, "title": "Backend Engineer",
          "location_questions": [{"label": "Location", "required": true, "fields": [{"name": "location", "type": "input_text"}]}],
          "questions": [
            {"label": "First Name", "required": true, "fields": [{"name": "first_name", "type": "input_text"}]},
            {"label": "Last Name", "required": true, "fields": [{"name": "last_name", "type": "input_text"}]},
            {"label": "Email", "required": true, "fields": [{"name": "email", "type": "input_text"}]},
            {"label": "Phone", "required": true, "fields": [{"name": "phone", "type": "input_text"}]},
            {"label": "Resume/CV", "required": true, "fields": [{"name": "resume", "type": "input_file"}, {"name": "resume_text", "type": "textarea"}]},
            {"label": "Cover Letter", "required": false, "fields": [{"name": "cover_letter", "type": "input_file"}, {"name": "cover_letter_text", "type": "textarea"}]},
            {"label": "LinkedIn Profile", "required": false, "fields": [{"name": "q1", "type": "input_text"}]},
            {"label": "GitHub profile", "required": false, "fields": [{"name": "q2", "type": "input_text"}]},
            {"label": "Current company", "required": false, "fields": [{"name": "q3", "type": "input_text"}]},
            {"label": "Current title", "required": false, "fields": [{"name": "q4", "type": "input_text"}]},
            {"label": "Will you now or in the future require visa sponsorship?", "required": true,
             "fields": [{"name": "q5", "type": "multi_value_single_select", "values": [{"value": 1, "label": "Yes"}, {"value": 0, "label": "No"}]}]},
            {"label": "Are you willing to relocate?", "required": true,
             "fields": [{"name": "q6", "type": "multi_value_single_select", "values": [{"value": 1, "label": "Yes"}, {"value": 0, "label": "No"}]}]},
            {"label": "How did you hear about this job?", "required": false,
             "fields": [{"name": "q7", "type": "multi_value_single_select", "values": [{"value": 10, "label": "Company website"}, {"value": 11, "label": "LinkedIn"}]}]},
            {"label": "What is your notice period?", "required": false, "fields": [{"name": "q8", "type": "input_text"}]},
            {"label": "When can you start?", "required": false, "fields": [{"name": "q9", "type": "input_text"}]},
            {"label": "Are you willing to travel for work?", "required": false,
             "fields": [{"name": "q10[]", "type": "multi_value_multi_select", "values": [{"value": 1, "label": "Yes"}, {"value": 0, "label": "No"}]}]},
            {"label": "Why do you want to work here?", "required": false, "fields": [{"name": "q11", "type": "textarea"}]}
          ]
        }
        """;

    private const string Resume = """
        Maya Okafor
        maya.okafor@example.com | +1 415 555 0137 | San Francisco, CA | https://github.com/mayaokafor

        Experience
        Senior Software Engineer, Ledgerline
        Jan 2020 - Present
        • Built a payment reconciliation service in Rust handling 2 million events a day.
        • Designed PostgreSQL schemas and tuned slow queries for the billing team.

        Skills
        Rust, Python, PostgreSQL, Docker, Kafka
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var options = new BrowserFormOptions();
        if (!File.Exists(options.ChromiumPath))
        {
            Console.WriteLine($"form-fill: skipped, Chromium not found at {options.ChromiumPath} (scripts/setup.sh installs it)");
            return 0;
        }
        await using var sites = await ApplicationSites.StartAsync();
        var url = GreenhouseLikeSite.Install(sites, Job, "/bench");
        var parsed = await new ProfileParser(TimeProvider.System).ParseAsync(Encoding.UTF8.GetBytes(Resume), "resume.txt");
        var sheet = new FactSheet(FactExtractor.Extract(parsed, Guid.NewGuid(), 1));
        var bank = new AnswerBank(new Dictionary<string, string>
        {
            [AnswerKeys.LinkedIn] = "https://www.linkedin.com/in/mayaokafor", [AnswerKeys.Sponsorship] = "No", [AnswerKeys.Relocation] = "No",
            [AnswerKeys.HeardAbout] = "LinkedIn", [AnswerKeys.NoticePeriod] = "4 weeks", [AnswerKeys.StartDate] = "January 2027", [AnswerKeys.Travel] = "Yes",
        });
        var posting = new PostingTarget(new JobPosting
        {
            SourceKind = "bench", ExternalId = "1", Title = "Backend Engineer", Company = "Acme Data", Requirements = ["Rust", "PostgreSQL"],
            Description = new PostingDescription("Payments in Rust.", ""), Application = new ApplicationRoute(ApplicationType.Form, "bench"),
        });
        var resumePdf = MinimalPdfWriter.SingleColumn(Resume);
        var letter = Encoding.UTF8.GetBytes("Dear Acme Data team,\n\nI build payment systems in Rust.\n");

        await using var browser = new FormBrowser(Options.Create(options), NullLogger<FormBrowser>.Instance);
        var channel = new BrowserFormChannel(browser, Options.Create(options), TimeProvider.System, NullLogger<BrowserFormChannel>.Instance);
        SubmissionPackage Package()
        {
            var (applicationId, postingId) = (Guid.NewGuid(), Guid.NewGuid());
            var files = new[]
            {
                SubmissionFiles.Create(SubmissionFileKinds.Resume, "resume.pdf", "application/pdf", resumePdf, Guid.NewGuid(), 1, applicationId, postingId),
                SubmissionFiles.Create(SubmissionFileKinds.CoverLetter, "cover-letter.txt", "text/plain", letter, Guid.NewGuid(), 1, applicationId, postingId),
            };
            return new SubmissionPackage(applicationId, "bench", postingId, $"bench-{applicationId:N}", "Acme Data", "Backend Engineer", url, null,
                new CandidateContact("Maya Okafor", "maya.okafor@example.com", null, null), files, null, new ProfileFormAnswerer(sheet, posting, bank, files));
        }

        Console.WriteLine("| run | fields | filled | uploads | outcome | ms |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|");
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var run = await channel.RunAsync(Package(), CancellationToken.None);
            watch.Stop();
            if (run.Result.Outcome != SubmissionOutcome.Sent) Console.WriteLine($"run {i}: {run.Result.Outcome}: {run.Result.Details}");
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"| {(i == 0 ? "cold (browser launch)" : i.ToString(CultureInfo.InvariantCulture))} | {run.Fields.Count} | {run.Fields.Count(f => f.Value is not null)} | {run.Uploads.Count} | {run.Result.Outcome} | {watch.Elapsed.TotalMilliseconds:0} |");
        }
        times.Sort();
        Console.WriteLine($"warm: median {times[times.Count / 2]:0} ms, p90 {times[(int)Math.Ceiling(times.Count * 0.9) - 1]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms over {times.Count} runs; received {sites.Received.Count}");
        return 0;
    }
}
