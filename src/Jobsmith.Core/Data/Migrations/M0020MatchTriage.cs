using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Matches can be saved or dismissed in the workspace (D4, M2); the list sorts by score per candidate.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202002000_MatchTriage")]
public sealed class M0020MatchTriage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("SavedAt", "matches", nullable: true);
        migrationBuilder.AddColumn<DateTime>("DismissedAt", "matches", nullable: true);
        migrationBuilder.CreateIndex("IX_matches_UserId_Score", "matches", ["UserId", "Score"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_matches_UserId_Score", "matches");
        migrationBuilder.DropColumn("DismissedAt", "matches");
        migrationBuilder.DropColumn("SavedAt", "matches");
    }
}
