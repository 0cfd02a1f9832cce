using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Inbox replies (G2): employer emails kept with their applications, and each candidate's inbound address and mailbox.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205003300_Inbox")]
public sealed class M0033Inbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("inbound_emails", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            ApplicationId = t.Column<Guid>(nullable: true),
            MessageId = t.Column<string>(maxLength: 300, nullable: false),
            InReplyTo = t.Column<string>(maxLength: 300, nullable: true),
            FromAddress = t.Column<string>(maxLength: 320, nullable: false),
            FromName = t.Column<string>(maxLength: 200, nullable: true),
            Subject = t.Column<string>(maxLength: 500, nullable: false),
            BodyText = t.Column<string>(nullable: false),
            AttachmentsJson = t.Column<string>(nullable: false),
            Source = t.Column<string>(maxLength: 20, nullable: false),
            Category = t.Column<string>(maxLength: 20, nullable: false),
            ClassifiedBy = t.Column<string>(maxLength: 10, nullable: false),
            ClassificationReason = t.Column<string>(maxLength: 500, nullable: false),
            MatchedBy = t.Column<string>(maxLength: 20, nullable: true),
            Outcome = t.Column<string>(maxLength: 500, nullable: true),
            SentAt = t.Column<DateTime>(nullable: true),
            ReceivedAt = t.Column<DateTime>(nullable: false),
            EffectsAppliedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_inbound_emails", x => x.Id);
            t.ForeignKey("FK_inbound_emails_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_inbound_emails_applications_ApplicationId", x => x.ApplicationId, "applications", "Id", onDelete: ReferentialAction.SetNull);
        });
        migrationBuilder.CreateIndex("IX_inbound_emails_UserId_MessageId", "inbound_emails", ["UserId", "MessageId"], unique: true);
        migrationBuilder.CreateIndex("IX_inbound_emails_ApplicationId_ReceivedAt", "inbound_emails", ["ApplicationId", "ReceivedAt"]);
        migrationBuilder.CreateIndex("IX_inbound_emails_UserId_ReceivedAt", "inbound_emails", ["UserId", "ReceivedAt"]);

        migrationBuilder.CreateTable("inbox_settings", t => new
        {
            UserId = t.Column<string>(nullable: false),
            InboundToken = t.Column<string>(maxLength: 64, nullable: false),
            ImapHost = t.Column<string>(maxLength: 255, nullable: true),
            ImapPort = t.Column<int>(nullable: false),
            ImapSecurity = t.Column<string>(maxLength: 10, nullable: false),
            ImapUsername = t.Column<string>(maxLength: 320, nullable: true),
            ImapProtectedPassword = t.Column<string>(nullable: true),
            ImapFolder = t.Column<string>(maxLength: 200, nullable: false),
            UidValidity = t.Column<long>(nullable: false),
            LastUid = t.Column<long>(nullable: false),
            LastPolledAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 1000, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_inbox_settings", x => x.UserId);
            t.ForeignKey("FK_inbox_settings_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_inbox_settings_InboundToken", "inbox_settings", "InboundToken", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("inbox_settings");
        migrationBuilder.DropTable("inbound_emails");
    }
}
