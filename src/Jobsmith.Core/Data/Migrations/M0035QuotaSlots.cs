using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>
/// Quota places (F9, H1): a numbered slot per candidate and month, unique, so two sends racing for the last place
/// cannot both take it. Rows counted before this migration keep a null slot; they still count towards the month.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205003500_QuotaSlots")]
public sealed class M0035QuotaSlots : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("Slot", "plan_usage", nullable: true);
        migrationBuilder.DropIndex("IX_plan_usage_UserId_Month", "plan_usage");
        migrationBuilder.CreateIndex("IX_plan_usage_UserId_Month_Slot", "plan_usage", ["UserId", "Month", "Slot"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_plan_usage_UserId_Month_Slot", "plan_usage");
        migrationBuilder.CreateIndex("IX_plan_usage_UserId_Month", "plan_usage", ["UserId", "Month"]);
        migrationBuilder.DropColumn("Slot", "plan_usage");
    }
}
