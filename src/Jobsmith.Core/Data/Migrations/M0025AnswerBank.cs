using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>The candidate's answer bank for application forms (E4): one row per answered key.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204002500_AnswerBank")]
public sealed class M0025AnswerBank : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("answer_bank", t => new
        {
            UserId = t.Column<string>(nullable: false),
            Key = t.Column<string>(maxLength: 40, nullable: false),
            Value = t.Column<string>(maxLength: 500, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_answer_bank", x => new { x.UserId, x.Key });
            t.ForeignKey("FK_answer_bank_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("answer_bank");
}
