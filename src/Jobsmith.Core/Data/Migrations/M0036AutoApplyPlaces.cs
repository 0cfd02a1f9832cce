using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Auto-apply's daily places (F2): numbered per candidate and day, unique, so the daily cap holds under races.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205003600_AutoApplyPlaces")]
public sealed class M0036AutoApplyPlaces : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("auto_apply_places", t => new
        {
            ApplicationId = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            Day = t.Column<DateTime>(nullable: false),
            Slot = t.Column<int>(nullable: false),
            TakenAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_auto_apply_places", x => x.ApplicationId);
            t.ForeignKey("FK_auto_apply_places_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_auto_apply_places_applications_ApplicationId", x => x.ApplicationId, "applications", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_auto_apply_places_UserId_Day_Slot", "auto_apply_places", ["UserId", "Day", "Slot"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("auto_apply_places");
}
