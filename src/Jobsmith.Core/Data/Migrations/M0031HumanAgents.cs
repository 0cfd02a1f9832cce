using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Human agents' capacity and expertise, and the escalated applications assigned to them (F4, F5).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204003100_HumanAgents")]
public sealed class M0031HumanAgents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("human_agents", t => new
        {
            UserId = t.Column<string>(nullable: false),
            Available = t.Column<bool>(nullable: false),
            MaxAssignments = t.Column<int>(nullable: false),
            Expertise = t.Column<string>(maxLength: 1000, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_human_agents", x => x.UserId);
            t.ForeignKey("FK_human_agents_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("human_agent_assignments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ApplicationId = t.Column<Guid>(nullable: false),
            AgentUserId = t.Column<string>(nullable: false),
            CandidateUserId = t.Column<string>(nullable: false),
            Reason = t.Column<string>(maxLength: 40, nullable: false),
            ReasonText = t.Column<string>(maxLength: 2000, nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            AssignedBy = t.Column<string>(maxLength: 450, nullable: false),
            ScreenshotPath = t.Column<string>(maxLength: 500, nullable: true),
            Notes = t.Column<string>(maxLength: 2000, nullable: true),
            Outcome = t.Column<string>(maxLength: 20, nullable: true),
            ProofPath = t.Column<string>(maxLength: 500, nullable: true),
            ProofFileName = t.Column<string>(maxLength: 255, nullable: true),
            ProofSha256 = t.Column<string>(maxLength: 64, nullable: true),
            AssignedAt = t.Column<DateTime>(nullable: false),
            ClaimedAt = t.Column<DateTime>(nullable: true),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_human_agent_assignments", x => x.Id);
            t.ForeignKey("FK_human_agent_assignments_applications_ApplicationId", x => x.ApplicationId, "applications", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_human_agent_assignments_AspNetUsers_AgentUserId", x => x.AgentUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_human_agent_assignments_AspNetUsers_CandidateUserId", x => x.CandidateUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        // One open assignment per application: the database decides a race between two escalation events.
        migrationBuilder.CreateIndex("IX_human_agent_assignments_open_application", "human_agent_assignments", "ApplicationId",
            unique: true, filter: "\"Status\" IN ('assigned', 'claimed')");
        migrationBuilder.CreateIndex("IX_human_agent_assignments_AgentUserId_Status_AssignedAt", "human_agent_assignments", ["AgentUserId", "Status", "AssignedAt"]);
        migrationBuilder.CreateIndex("IX_human_agent_assignments_Status_AssignedAt", "human_agent_assignments", ["Status", "AssignedAt"]);
        migrationBuilder.CreateIndex("IX_human_agent_assignments_CandidateUserId", "human_agent_assignments", "CandidateUserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("human_agent_assignments");
        migrationBuilder.DropTable("human_agents");
    }
}
