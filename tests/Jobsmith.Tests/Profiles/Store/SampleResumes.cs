namespace Jobsmith.Tests.Profiles.Store;

/// <summary>A plain resume complete enough to pass the readiness threshold; shared with the web tests.</summary>
public static class SampleResumes
{
    public const string Name = "Priya Raman";

    public const string Text = """
        Priya Raman
        Senior Backend Engineer
        priya.raman@example.com | +1 415 555 0134 | San Francisco, CA
        https://github.com/priyaraman

        SUMMARY
        Backend engineer with eight years of experience building payment and data platforms.

        EXPERIENCE
        Senior Backend Engineer, Stripe
        San Francisco, CA
        March 2019 - Present
        - Led the migration of the ledger service to PostgreSQL, cutting p99 latency by 40%
        - Built Kafka pipelines processing 2 billion events per day

        Software Engineer, Dropbox
        June 2015 - February 2019
        - Designed the sync metadata API in Go and Python

        EDUCATION
        B.S. Computer Science, University of California, Berkeley, 2015

        SKILLS
        Python, Go, PostgreSQL, Kafka, Kubernetes, Docker, AWS
        """;
}
