using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Sending applications (F2, F3, F7, F8): the chosen channel and due time, each try with its proof, and auto-apply rules.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204003200_Submissions")]
public sealed class M0032Submissions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Channel", "applications", maxLength: 30, nullable: true);
        migrationBuilder.AddColumn<DateTime>("NextAttemptAt", "applications", nullable: true);
        migrationBuilder.CreateIndex("IX_applications_State_NextAttemptAt", "applications", ["State", "NextAttemptAt"]);

        migrationBuilder.CreateTable("submission_attempts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ApplicationId = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            Channel = t.Column<string>(maxLength: 30, nullable: false),
            TargetHost = t.Column<string>(maxLength: 255, nullable: true),
            Outcome = t.Column<string>(maxLength: 20, nullable: false),
            Details = t.Column<string>(maxLength: 2000, nullable: false),
            Escalation = t.Column<string>(maxLength: 30, nullable: true),
            Confirmation = t.Column<string>(maxLength: 2000, nullable: true),
            FilesJson = t.Column<string>(nullable: false),
            FilledJson = t.Column<string>(nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_submission_attempts", x => x.Id);
            t.ForeignKey("FK_submission_attempts_applications_ApplicationId", x => x.ApplicationId, "applications", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_submission_attempts_ApplicationId_StartedAt", "submission_attempts", ["ApplicationId", "StartedAt"]);
        migrationBuilder.CreateIndex("IX_submission_attempts_UserId_TargetHost_FinishedAt", "submission_attempts", ["UserId", "TargetHost", "FinishedAt"]);

        migrationBuilder.CreateTable("submission_proofs", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AttemptId = t.Column<Guid>(nullable: false),
            ApplicationId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 30, nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Size = t.Column<long>(nullable: false),
            StoredPath = t.Column<string>(maxLength: 400, nullable: false),
            Note = t.Column<string>(maxLength: 2000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_submission_proofs", x => x.Id);
            t.ForeignKey("FK_submission_proofs_submission_attempts_AttemptId", x => x.AttemptId, "submission_attempts", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_submission_proofs_AttemptId", "submission_proofs", "AttemptId");
        migrationBuilder.CreateIndex("IX_submission_proofs_ApplicationId", "submission_proofs", "ApplicationId");

        migrationBuilder.CreateTable("auto_apply_rules", t => new
        {
            UserId = t.Column<string>(nullable: false),
            Enabled = t.Column<bool>(nullable: false),
            MinScore = t.Column<int>(nullable: false),
            DailyCap = t.Column<int>(nullable: false),
            Channels = t.Column<string>(maxLength: 100, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_auto_apply_rules", x => x.UserId);
            t.ForeignKey("FK_auto_apply_rules_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("auto_apply_rules");
        migrationBuilder.DropTable("submission_proofs");
        migrationBuilder.DropTable("submission_attempts");
        migrationBuilder.DropIndex("IX_applications_State_NextAttemptAt", "applications");
        migrationBuilder.DropColumn("NextAttemptAt", "applications");
        migrationBuilder.DropColumn("Channel", "applications");
    }
}
