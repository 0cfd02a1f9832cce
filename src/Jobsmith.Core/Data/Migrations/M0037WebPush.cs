using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Web Push (G3): the install's VAPID key pair and the browsers subscribed per user, one row per endpoint.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205003700_WebPush")]
public sealed class M0037WebPush : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("push_vapid_keys", t => new
        {
            Id = t.Column<int>(nullable: false),
            PublicKey = t.Column<string>(maxLength: 100, nullable: false),
            ProtectedPrivateKey = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_push_vapid_keys", x => x.Id));

        migrationBuilder.CreateTable("push_subscriptions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            Endpoint = t.Column<string>(maxLength: 1024, nullable: false),
            P256dh = t.Column<string>(maxLength: 100, nullable: false),
            Auth = t.Column<string>(maxLength: 50, nullable: false),
            UserAgent = t.Column<string>(maxLength: 300, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            LastSuccessAt = t.Column<DateTime>(nullable: true),
            LastFailureAt = t.Column<DateTime>(nullable: true),
            LastFailure = t.Column<string>(maxLength: 300, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_push_subscriptions", x => x.Id);
            t.ForeignKey("FK_push_subscriptions_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_push_subscriptions_Endpoint", "push_subscriptions", "Endpoint", unique: true);
        migrationBuilder.CreateIndex("IX_push_subscriptions_UserId_CreatedAt", "push_subscriptions", ["UserId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("push_subscriptions");
        migrationBuilder.DropTable("push_vapid_keys");
    }
}
