using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>
/// Model calls for the admin's usage and cost report (I1), and an index that lets agent monitoring read one agent's
/// recent tasks without scanning them all.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206003900_AiCalls")]
public sealed class M0039AiCalls : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("ai_calls", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Provider = t.Column<string>(maxLength: 40, nullable: false),
            Model = t.Column<string>(maxLength: 100, nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            InputTokens = t.Column<long>(nullable: false),
            OutputTokens = t.Column<long>(nullable: false),
            DurationMs = t.Column<int>(nullable: false),
            Failed = t.Column<bool>(nullable: false),
            UserId = t.Column<string>(maxLength: 450, nullable: true),
            Agent = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ai_calls", x => x.Id));
        migrationBuilder.CreateIndex("IX_ai_calls_At", "ai_calls", "At");
        migrationBuilder.CreateIndex("IX_ai_calls_UserId_At", "ai_calls", ["UserId", "At"]);
        migrationBuilder.CreateIndex("IX_agent_tasks_Agent_CreatedAt", "agent_tasks", ["Agent", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_agent_tasks_Agent_CreatedAt", "agent_tasks");
        migrationBuilder.DropTable("ai_calls");
    }
}
