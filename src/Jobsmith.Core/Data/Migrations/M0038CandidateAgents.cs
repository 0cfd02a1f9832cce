using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Each candidate's job-search agent (K3): running, paused or stopped, and how far it may go by itself.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206003800_CandidateAgents")]
public sealed class M0038CandidateAgents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("candidate_agents", t => new
        {
            UserId = t.Column<string>(nullable: false),
            State = t.Column<string>(maxLength: 16, nullable: false),
            MinScore = t.Column<int>(nullable: false),
            DraftsPerDay = t.Column<int>(nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_candidate_agents", x => x.UserId);
            t.ForeignKey("FK_candidate_agents_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_candidate_agents_State", "candidate_agents", "State");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("candidate_agents");
}
