using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>
/// The job list at 100,000 postings (P5): its (first seen, id) order comes from an index, per status and for "all";
/// "words in the posting" use a full-text index instead of reading every description — an FTS5 table kept in step by
/// triggers on SQLite, a GIN expression index on PostgreSQL (the expression is repeated in PostingTextSearch).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204002600_JobListIndexes")]
public sealed class M0026JobListIndexes : Migration
{
    /// <summary>EF cannot model this index; the schema test knows it by name.</summary>
    public const string PostgresSearchIndex = "IX_job_postings_search";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var b = migrationBuilder;
        b.CreateIndex("IX_job_postings_Status_FirstSeenAt_Id", "job_postings", ["Status", "FirstSeenAt", "Id"]);
        b.CreateIndex("IX_job_postings_FirstSeenAt_Id", "job_postings", ["FirstSeenAt", "Id"]);
        if (b.IsPostgres())
        {
            // left(): a tsvector is capped at 1 MB, and no posting needs more than its first 100,000 characters found.
            b.Sql($"""CREATE INDEX "{PostgresSearchIndex}" ON job_postings USING GIN (to_tsvector('simple'::regconfig, "Title" || ' ' || "Company" || ' ' || left("DescriptionText", 100000)))""");
            return;
        }
        // External content: the index holds only tokens; text is read from job_postings by rowid. Postings are never
        // deleted and the database is never vacuumed, so rowids stay put; the delete trigger is there for completeness.
        b.Sql("CREATE VIRTUAL TABLE job_postings_fts USING fts5(Title, Company, DescriptionText, content='job_postings', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')");
        b.Sql("INSERT INTO job_postings_fts(rowid, Title, Company, DescriptionText) SELECT rowid, Title, Company, DescriptionText FROM job_postings");
        b.Sql("""
            CREATE TRIGGER job_postings_fts_insert AFTER INSERT ON job_postings BEGIN
              INSERT INTO job_postings_fts(rowid, Title, Company, DescriptionText) VALUES (new.rowid, new.Title, new.Company, new.DescriptionText);
            END
            """);
        b.Sql("""
            CREATE TRIGGER job_postings_fts_delete AFTER DELETE ON job_postings BEGIN
              INSERT INTO job_postings_fts(job_postings_fts, rowid, Title, Company, DescriptionText) VALUES ('delete', old.rowid, old.Title, old.Company, old.DescriptionText);
            END
            """);
        // Only when the searched text changes: a re-import that just moves LastSeenAt does not re-index anything.
        b.Sql("""
            CREATE TRIGGER job_postings_fts_update AFTER UPDATE OF Title, Company, DescriptionText ON job_postings BEGIN
              INSERT INTO job_postings_fts(job_postings_fts, rowid, Title, Company, DescriptionText) VALUES ('delete', old.rowid, old.Title, old.Company, old.DescriptionText);
              INSERT INTO job_postings_fts(rowid, Title, Company, DescriptionText) VALUES (new.rowid, new.Title, new.Company, new.DescriptionText);
            END
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var b = migrationBuilder;
        if (b.IsPostgres()) b.Sql($"""DROP INDEX "{PostgresSearchIndex}" """);
        else
        {
            b.Sql("DROP TRIGGER job_postings_fts_update");
            b.Sql("DROP TRIGGER job_postings_fts_delete");
            b.Sql("DROP TRIGGER job_postings_fts_insert");
            b.Sql("DROP TABLE job_postings_fts");
        }
        b.DropIndex("IX_job_postings_FirstSeenAt_Id", "job_postings");
        b.DropIndex("IX_job_postings_Status_FirstSeenAt_Id", "job_postings");
    }
}
