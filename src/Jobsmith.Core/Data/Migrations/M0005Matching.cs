using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Shown matches (D2, D4), feedback on them and the preference updates learned from it (D5).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000500_Matching")]
public sealed class M0005Matching : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var b = migrationBuilder;
        b.CreateTable("matches", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            PostingId = t.Column<Guid>(nullable: false),
            Score = t.Column<int>(nullable: false),
            ReasonsJson = t.Column<string>(nullable: false),
            FeaturesJson = t.Column<string>(nullable: false),
            RunId = t.Column<Guid>(nullable: false),
            ShownAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_matches", x => x.Id);
            t.ForeignKey("FK_matches_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_matches_job_postings_PostingId", x => x.PostingId, "job_postings", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_matches_UserId_PostingId", "matches", ["UserId", "PostingId"], unique: true);
        b.CreateIndex("IX_matches_PostingId", "matches", "PostingId");

        b.CreateTable("match_feedback", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            PostingId = t.Column<Guid>(nullable: false),
            ThumbsUp = t.Column<bool>(nullable: false),
            Reason = t.Column<string>(maxLength: 20, nullable: false),
            Comment = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ProcessedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_match_feedback", x => x.Id);
            t.ForeignKey("FK_match_feedback_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_match_feedback_job_postings_PostingId", x => x.PostingId, "job_postings", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_match_feedback_UserId_PostingId", "match_feedback", ["UserId", "PostingId"], unique: true);
        b.CreateIndex("IX_match_feedback_PostingId", "match_feedback", "PostingId");
        b.CreateIndex("IX_match_feedback_ProcessedAt", "match_feedback", "ProcessedAt");

        b.CreateTable("preference_updates", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            Field = t.Column<string>(maxLength: 30, nullable: false),
            OldValue = t.Column<string>(nullable: false),
            NewValue = t.Column<string>(nullable: false),
            FeedbackIdsJson = t.Column<string>(nullable: false),
            Reason = t.Column<string>(maxLength: 500, nullable: false),
            AppliedAt = t.Column<DateTime>(nullable: false),
            UndoneAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_preference_updates", x => x.Id);
            t.ForeignKey("FK_preference_updates_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_preference_updates_UserId", "preference_updates", "UserId");
    }
}
