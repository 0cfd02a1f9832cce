using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Plans and quotas (F9, H1): each candidate's paid subscription, submissions counted per month, and payment events already applied.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204003000_Plans")]
public sealed class M0030Plans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("subscriptions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            PlanId = t.Column<string>(maxLength: 40, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Provider = t.Column<string>(maxLength: 20, nullable: true),
            ProviderCustomerId = t.Column<string>(maxLength: 200, nullable: true),
            ProviderSubscriptionId = t.Column<string>(maxLength: 200, nullable: true),
            CurrentPeriodStart = t.Column<DateTime>(nullable: true),
            CurrentPeriodEnd = t.Column<DateTime>(nullable: true),
            CancelAtPeriodEnd = t.Column<bool>(nullable: false),
            ExpiryNoticeFor = t.Column<DateTime>(nullable: true),
            ProviderEventAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_subscriptions", x => x.Id);
            t.ForeignKey("FK_subscriptions_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_subscriptions_UserId", "subscriptions", "UserId", unique: true);
        migrationBuilder.CreateIndex("IX_subscriptions_ProviderSubscriptionId", "subscriptions", "ProviderSubscriptionId");
        migrationBuilder.CreateIndex("IX_subscriptions_CurrentPeriodEnd", "subscriptions", "CurrentPeriodEnd");

        migrationBuilder.CreateTable("plan_usage", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            ApplicationId = t.Column<Guid>(nullable: false),
            Month = t.Column<DateTime>(nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_usage", x => x.Id);
            t.ForeignKey("FK_plan_usage_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_plan_usage_ApplicationId", "plan_usage", "ApplicationId", unique: true);
        migrationBuilder.CreateIndex("IX_plan_usage_UserId_Month", "plan_usage", ["UserId", "Month"]);

        migrationBuilder.CreateTable("payment_webhook_events", t => new
        {
            Provider = t.Column<string>(maxLength: 20, nullable: false),
            EventId = t.Column<string>(maxLength: 200, nullable: false),
            Type = t.Column<string>(maxLength: 100, nullable: false),
            Outcome = t.Column<string>(maxLength: 500, nullable: true),
            ReceivedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_payment_webhook_events", x => new { x.Provider, x.EventId }));
        migrationBuilder.CreateIndex("IX_payment_webhook_events_ReceivedAt", "payment_webhook_events", "ReceivedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("payment_webhook_events");
        migrationBuilder.DropTable("plan_usage");
        migrationBuilder.DropTable("subscriptions");
    }
}
