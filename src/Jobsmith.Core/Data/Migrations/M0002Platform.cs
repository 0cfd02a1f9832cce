using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Refresh tokens (A1), audit log (L3), notifications (G3), agent events and tasks (K1, K2), feature flags (A4).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000200_Platform")]
public sealed class M0002Platform : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var b = migrationBuilder;
        b.CreateTable("refresh_tokens", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
            ReplacedByHash = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_refresh_tokens", x => x.Id);
            t.ForeignKey("FK_refresh_tokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_refresh_tokens_TokenHash", "refresh_tokens", "TokenHash", unique: true);
        b.CreateIndex("IX_refresh_tokens_UserId", "refresh_tokens", "UserId");

        b.CreateTable("audit_log", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Action = t.Column<string>(maxLength: 100, nullable: false),
            UserId = t.Column<string>(nullable: true),
            ActorId = t.Column<string>(nullable: true),
            Detail = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_audit_log", x => x.Id));
        b.CreateIndex("IX_audit_log_UserId_At", "audit_log", ["UserId", "At"]);

        b.CreateTable("notifications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            Type = t.Column<string>(maxLength: 100, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Body = t.Column<string>(maxLength: 4000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ReadAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_notifications", x => x.Id);
            t.ForeignKey("FK_notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_notifications_UserId_CreatedAt", "notifications", ["UserId", "CreatedAt"]);

        b.CreateTable("agent_events", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Type = t.Column<string>(maxLength: 100, nullable: false),
            UserId = t.Column<string>(nullable: true),
            PayloadJson = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            DispatchedAt = t.Column<DateTime>(nullable: true),
            ProcessedAt = t.Column<DateTime>(nullable: true),
            Attempts = t.Column<int>(nullable: false),
            LastError = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_agent_events", x => x.Id));
        b.CreateIndex("IX_agent_events_DispatchedAt", "agent_events", "DispatchedAt");
        b.CreateIndex("IX_agent_events_UserId_CreatedAt", "agent_events", ["UserId", "CreatedAt"]);

        b.CreateTable("agent_tasks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Agent = t.Column<string>(maxLength: 100, nullable: false),
            UserId = t.Column<string>(nullable: true),
            EventId = t.Column<Guid>(nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            InputJson = t.Column<string>(nullable: false),
            Output = t.Column<string>(nullable: true),
            Error = t.Column<string>(maxLength: 4000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            StartedAt = t.Column<DateTime>(nullable: true),
            CompletedAt = t.Column<DateTime>(nullable: true),
            InputTokens = t.Column<int>(nullable: false),
            OutputTokens = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_agent_tasks", x => x.Id));
        b.CreateIndex("IX_agent_tasks_Agent_Status", "agent_tasks", ["Agent", "Status"]);
        b.CreateIndex("IX_agent_tasks_EventId_Agent", "agent_tasks", ["EventId", "Agent"], unique: true);
        b.CreateIndex("IX_agent_tasks_UserId_CreatedAt", "agent_tasks", ["UserId", "CreatedAt"]);

        b.CreateTable("feature_flags", t => new
        {
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Enabled = t.Column<bool>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            UpdatedBy = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_feature_flags", x => x.Name));
    }
}
