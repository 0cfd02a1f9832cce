using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Tracking (G3, G4, G5): interviews with their reminder marks, weekly reports, and notification preferences.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205003400_Tracking")]
public sealed class M0034Tracking : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("interviews", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            ApplicationId = t.Column<Guid>(nullable: false),
            StartsAt = t.Column<DateTime>(nullable: false),
            TimeZone = t.Column<string>(maxLength: 100, nullable: false),
            DurationMinutes = t.Column<int>(nullable: false),
            Location = t.Column<string>(maxLength: 500, nullable: true),
            MeetingUrl = t.Column<string>(maxLength: 2000, nullable: true),
            Notes = t.Column<string>(maxLength: 2000, nullable: true),
            Source = t.Column<string>(maxLength: 20, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Revision = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            DayBeforeSentAt = t.Column<DateTime>(nullable: true),
            HourBeforeSentAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_interviews", x => x.Id);
            t.ForeignKey("FK_interviews_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_interviews_applications_ApplicationId", x => x.ApplicationId, "applications", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_interviews_UserId_StartsAt", "interviews", ["UserId", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_interviews_ApplicationId", "interviews", "ApplicationId");
        migrationBuilder.CreateIndex("IX_interviews_Status_StartsAt", "interviews", ["Status", "StartsAt"]);

        migrationBuilder.CreateTable("weekly_reports", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            WeekStart = t.Column<DateOnly>(nullable: false),
            TimeZone = t.Column<string>(maxLength: 100, nullable: false),
            PeriodStart = t.Column<DateTime>(nullable: false),
            PeriodEnd = t.Column<DateTime>(nullable: false),
            Final = t.Column<bool>(nullable: false),
            Submitted = t.Column<int>(nullable: false),
            Interviews = t.Column<int>(nullable: false),
            Offers = t.Column<int>(nullable: false),
            Rejections = t.Column<int>(nullable: false),
            ContentJson = t.Column<string>(nullable: false),
            GeneratedAt = t.Column<DateTime>(nullable: false),
            EmailedAt = t.Column<DateTime>(nullable: true),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_weekly_reports", x => x.Id);
            t.ForeignKey("FK_weekly_reports_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_weekly_reports_UserId_WeekStart", "weekly_reports", ["UserId", "WeekStart"], unique: true);

        migrationBuilder.CreateTable("notification_preferences", t => new
        {
            UserId = t.Column<string>(nullable: false),
            EmailEnabled = t.Column<bool>(nullable: false),
            SmsEnabled = t.Column<bool>(nullable: false),
            PushEnabled = t.Column<bool>(nullable: false),
            TypesJson = t.Column<string>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_notification_preferences", x => x.UserId);
            t.ForeignKey("FK_notification_preferences_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("notification_preferences");
        migrationBuilder.DropTable("weekly_reports");
        migrationBuilder.DropTable("interviews");
    }
}
