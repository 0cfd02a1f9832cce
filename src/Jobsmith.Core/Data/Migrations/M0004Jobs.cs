using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Stored job postings and their duplicate links (C5), source settings and status, candidate searches (C6, C7).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000400_Jobs")]
public sealed class M0004Jobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var b = migrationBuilder;
        b.CreateTable("job_postings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SourceKind = t.Column<string>(maxLength: 50, nullable: false),
            ExternalId = t.Column<string>(maxLength: 300, nullable: false),
            Feed = t.Column<string>(maxLength: 500, nullable: true),
            Title = t.Column<string>(maxLength: 500, nullable: false),
            Company = t.Column<string>(maxLength: 300, nullable: false),
            LocationsJson = t.Column<string>(nullable: false),
            Remote = t.Column<string>(maxLength: 20, nullable: false),
            Employment = t.Column<string>(maxLength: 20, nullable: false),
            Seniority = t.Column<string>(maxLength: 20, nullable: false),
            SalaryMin = t.Column<double>(nullable: true),
            SalaryMax = t.Column<double>(nullable: true),
            SalaryCurrency = t.Column<string>(maxLength: 10, nullable: true),
            SalaryPeriod = t.Column<string>(maxLength: 10, nullable: true),
            DescriptionText = t.Column<string>(nullable: false),
            DescriptionMarkdown = t.Column<string>(nullable: false),
            RequirementsJson = t.Column<string>(nullable: false),
            SkillsJson = t.Column<string>(nullable: false),
            PostedAt = t.Column<DateTime>(nullable: true),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            ApplyUrl = t.Column<string>(maxLength: 2000, nullable: true),
            CanonicalUrl = t.Column<string>(maxLength: 2000, nullable: true),
            ApplicationType = t.Column<string>(maxLength: 20, nullable: false),
            ApplicationRule = t.Column<string>(maxLength: 200, nullable: false),
            RawJson = t.Column<string>(nullable: true),
            ContentHash = t.Column<string>(maxLength: 64, nullable: false),
            Status = t.Column<string>(maxLength: 10, nullable: false),
            ClosedReason = t.Column<string>(maxLength: 200, nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            FirstSeenAt = t.Column<DateTime>(nullable: false),
            LastSeenAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_job_postings", x => x.Id));
        b.CreateIndex("IX_job_postings_SourceKind_ExternalId", "job_postings", ["SourceKind", "ExternalId"], unique: true);
        b.CreateIndex("IX_job_postings_CanonicalUrl", "job_postings", "CanonicalUrl");
        b.CreateIndex("IX_job_postings_Status_LastSeenAt", "job_postings", ["Status", "LastSeenAt"]);

        b.CreateTable("job_posting_duplicates", t => new
        {
            PostingId = t.Column<Guid>(nullable: false),
            CanonicalId = t.Column<Guid>(nullable: false),
            Reason = t.Column<string>(maxLength: 30, nullable: false),
            Detail = t.Column<string>(maxLength: 300, nullable: false),
            LinkedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_job_posting_duplicates", x => x.PostingId);
            t.ForeignKey("FK_job_posting_duplicates_job_postings_PostingId", x => x.PostingId, "job_postings", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_job_posting_duplicates_job_postings_CanonicalId", x => x.CanonicalId, "job_postings", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_job_posting_duplicates_CanonicalId", "job_posting_duplicates", "CanonicalId");

        b.CreateTable("job_sources", t => new
        {
            Kind = t.Column<string>(maxLength: 50, nullable: false),
            IntervalMinutes = t.Column<int>(nullable: true),
            Targets = t.Column<string>(maxLength: 4000, nullable: false),
            ProtectedCredentials = t.Column<string>(nullable: true),
            LastRunAt = t.Column<DateTime>(nullable: true),
            LastSuccessAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 2000, nullable: true),
            ConsecutiveFailures = t.Column<int>(nullable: false),
            CircuitState = t.Column<string>(maxLength: 20, nullable: false),
            LastFetched = t.Column<int>(nullable: false),
            LastAdded = t.Column<int>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_job_sources", x => x.Kind));

        b.CreateTable("job_searches", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            TitlesJson = t.Column<string>(nullable: false),
            LocationsJson = t.Column<string>(nullable: false),
            RemoteOnly = t.Column<bool>(nullable: false),
            SourcesJson = t.Column<string>(nullable: false),
            IntervalMinutes = t.Column<int>(nullable: false),
            Enabled = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            LastRunAt = t.Column<DateTime>(nullable: true),
            LastRunNote = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_job_searches", x => x.Id);
            t.ForeignKey("FK_job_searches_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_job_searches_UserId", "job_searches", "UserId");
    }
}
