using System.Text;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Bench.Documents;

/// <summary>A one-page resume as the product makes it: parsed from text by our parser, tailored by the real engine.</summary>
internal static class BenchResume
{
    private const string Text = """
        Maya Okafor
        maya.okafor@example.com | +1 415 555 0137 | San Francisco, CA | https://github.com/mayaokafor

        Summary
        Backend engineer who builds data pipelines and payment systems.

        Experience
        Senior Software Engineer, Ledgerline
        Jan 2020 - Present
        • Built a payment reconciliation service in Rust handling 2 million events a day.
        • Designed PostgreSQL schemas and tuned slow queries for the billing team.
        • Moved the ledger from nightly batches to Kafka streams, cutting settlement time by 40%.
        • Mentored four engineers through code review and pairing.
        • Led the on-call rotation and wrote the incident runbooks.
        Software Engineer, Harbor Analytics
        Jun 2016 - Dec 2019
        • Wrote ETL jobs in Python that loaded sales data into the warehouse.
        • Introduced Docker based deployments for internal services.
        • Built Terraform modules for the analytics clusters on AWS.
        Junior Developer, Copperleaf Labs
        Jul 2014 - May 2016
        • Maintained the customer portal in Python and PostgreSQL.
        • Automated release notes from the issue tracker.

        Education
        BSc in Computer Science, University of Washington, 2010 - 2014

        Skills
        Rust, Python, PostgreSQL, Docker, Kafka, Terraform, AWS, Kubernetes
        """;

    public static async Task<DocumentView> TailoredAsync()
    {
        var parsed = await new ProfileParser(TimeProvider.System).ParseAsync(Encoding.UTF8.GetBytes(Text), "resume.txt");
        var sheet = new FactSheet(FactExtractor.Extract(parsed, Guid.NewGuid(), 1));
        var posting = new PostingTarget(new JobPosting
        {
            SourceKind = "bench", ExternalId = "1", Title = "Backend Engineer", Company = "Acme Data",
            Requirements = ["5+ years of Rust", "Kafka and PostgreSQL in production", "Kubernetes"],
            Description = new PostingDescription("We build a payments platform in Rust on Kubernetes.", ""),
            Application = new ApplicationRoute(ApplicationType.Form, "bench"),
        });
        var draft = ResumeTailor.Tailor(sheet, posting);
        return new DocumentView(Guid.NewGuid(), Guid.NewGuid(), draft.Kind, 1, DocumentService.DeterministicEngine, DocumentService.DefaultTemplate,
            DocumentStatus.Draft, draft.Lines, [], new Coverage([], []), draft.Notes, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), null);
    }

    /// <summary>The same lines as a plain one-page LaTeX article: name, contacts, starred sections, itemized bullets.</summary>
    public static string Latex(DocumentView resume)
    {
        var tex = new StringBuilder();
        tex.AppendLine(@"\documentclass[10pt]{article}");
        tex.AppendLine(@"\usepackage[T1]{fontenc}\usepackage[utf8]{inputenc}\usepackage[letterpaper,margin=0.6in]{geometry}");
        tex.AppendLine(@"\pagestyle{empty}\setlength{\parindent}{0pt}\begin{document}");
        string? section = null;
        var inList = false;
        foreach (var line in resume.Lines)
        {
            var bullet = line.Text.StartsWith("• ", StringComparison.Ordinal);
            if (inList && (!bullet || line.Section != section)) { tex.AppendLine(@"\end{itemize}"); inList = false; }
            if (line.Section != section && line.Section != "Header") tex.AppendLine($@"\section*{{{Escape(line.Section)}}}");
            if (line.Section == "Header") tex.AppendLine(section is null ? $@"{{\LARGE {Escape(line.Text)}}}\\" : $@"{Escape(line.Text)}\\");
            else if (bullet)
            {
                if (!inList) { tex.AppendLine(@"\begin{itemize}\setlength{\itemsep}{0pt}"); inList = true; }
                tex.AppendLine($@"\item {Escape(line.Text[2..])}");
            }
            else tex.AppendLine($@"{Escape(line.Text)}\par");
            section = line.Section;
        }
        if (inList) tex.AppendLine(@"\end{itemize}");
        tex.AppendLine(@"\end{document}");
        return tex.ToString();
    }

    private static string Escape(string text)
    {
        var s = new StringBuilder();
        foreach (var c in text)
            s.Append(c switch
            {
                '\\' => @"\textbackslash{}", '{' => @"\{", '}' => @"\}", '$' => @"\$", '&' => @"\&", '#' => @"\#", '%' => @"\%",
                '_' => @"\_", '^' => @"\^{}", '~' => @"\~{}", '·' => "$\\cdot$", '–' => "--", '•' => "$\\bullet$",
                _ => c.ToString(),
            });
        return s.ToString();
    }
}
