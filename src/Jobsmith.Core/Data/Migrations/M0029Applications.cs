using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Applications, one per candidate and posting, the log of every move, the one send each may make and the do-not-contact list (F1, F6, F7).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204002900_Applications")]
public sealed class M0029Applications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("applications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            PostingId = t.Column<Guid>(nullable: false),
            State = t.Column<string>(maxLength: 30, nullable: false),
            StateReason = t.Column<string>(maxLength: 2000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_applications", x => x.Id);
            t.ForeignKey("FK_applications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_applications_job_postings_PostingId", x => x.PostingId, "job_postings", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_applications_UserId_PostingId", "applications", ["UserId", "PostingId"], unique: true);
        migrationBuilder.CreateIndex("IX_applications_UserId_State_UpdatedAt", "applications", ["UserId", "State", "UpdatedAt"]);
        migrationBuilder.CreateIndex("IX_applications_PostingId", "applications", "PostingId");

        migrationBuilder.CreateTable("application_log", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ApplicationId = t.Column<Guid>(nullable: false),
            FromState = t.Column<string>(maxLength: 30, nullable: true),
            ToState = t.Column<string>(maxLength: 30, nullable: false),
            ActorKind = t.Column<string>(maxLength: 20, nullable: false),
            ActorId = t.Column<string>(maxLength: 450, nullable: true),
            Details = t.Column<string>(maxLength: 2000, nullable: true),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_application_log", x => x.Id);
            t.ForeignKey("FK_application_log_applications_ApplicationId", x => x.ApplicationId, "applications", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_application_log_ApplicationId_At", "application_log", ["ApplicationId", "At"]);

        migrationBuilder.CreateTable("send_records", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ApplicationId = t.Column<Guid>(nullable: false),
            IdempotencyKey = t.Column<string>(maxLength: 64, nullable: false),
            Channel = t.Column<string>(maxLength: 30, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
            LeaseUntil = t.Column<DateTime>(nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Details = t.Column<string>(maxLength: 2000, nullable: true),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_send_records", x => x.Id);
            t.ForeignKey("FK_send_records_applications_ApplicationId", x => x.ApplicationId, "applications", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_send_records_ApplicationId", "send_records", "ApplicationId", unique: true);
        migrationBuilder.CreateIndex("IX_send_records_IdempotencyKey", "send_records", "IdempotencyKey", unique: true);

        migrationBuilder.CreateTable("suppressions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Value = t.Column<string>(maxLength: 320, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_suppressions", x => x.Id);
            t.ForeignKey("FK_suppressions_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_suppressions_UserId_Kind_Value", "suppressions", ["UserId", "Kind", "Value"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("suppressions");
        migrationBuilder.DropTable("send_records");
        migrationBuilder.DropTable("application_log");
        migrationBuilder.DropTable("applications");
    }
}
