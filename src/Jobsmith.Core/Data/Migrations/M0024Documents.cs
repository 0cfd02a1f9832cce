using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Generated application documents, every version kept with its fact provenance and check flags (E1–E6).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204002400_Documents")]
public sealed class M0024Documents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("generated_documents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            PostingId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Version = t.Column<int>(nullable: false),
            Engine = t.Column<string>(maxLength: 40, nullable: false),
            Template = t.Column<string>(maxLength: 40, nullable: false),
            LinesJson = t.Column<string>(nullable: false),
            FlagsJson = t.Column<string>(nullable: false),
            CoverageJson = t.Column<string>(nullable: false),
            NotesJson = t.Column<string>(nullable: false),
            InputsJson = t.Column<string>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ApprovedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_generated_documents", x => x.Id);
            t.ForeignKey("FK_generated_documents_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_generated_documents_job_postings_PostingId", x => x.PostingId, "job_postings", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_generated_documents_UserId_PostingId_Kind_Version", "generated_documents", ["UserId", "PostingId", "Kind", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_generated_documents_PostingId", "generated_documents", "PostingId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("generated_documents");
}
