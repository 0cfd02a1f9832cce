using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jobsmith.Core.Data.Migrations;

/// <summary>Resume versions and stored profiles (B1, B2), user skills (B5), job preferences (B3), onboarding state (A3).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000300_Profiles")]
public sealed class M0003Profiles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var b = migrationBuilder;
        b.CreateTable("resume_versions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            VersionNumber = t.Column<int>(nullable: false),
            OriginalFileName = t.Column<string>(maxLength: 260, nullable: false),
            ContentType = t.Column<string>(maxLength: 150, nullable: false),
            SizeBytes = t.Column<long>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            StoredPath = t.Column<string>(maxLength: 500, nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            ParsedProfileJson = t.Column<string>(nullable: true),
            Error = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_resume_versions", x => x.Id);
            t.ForeignKey("FK_resume_versions_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_resume_versions_UserId_VersionNumber", "resume_versions", ["UserId", "VersionNumber"], unique: true);

        b.CreateTable("candidate_profiles", t => new
        {
            UserId = t.Column<string>(nullable: false),
            FactsJson = t.Column<string>(nullable: false),
            CompletenessScore = t.Column<int>(nullable: false),
            MissingJson = t.Column<string>(maxLength: 1000, nullable: false),
            Headline = t.Column<string>(maxLength: 300, nullable: true),
            YearsOfExperience = t.Column<double>(nullable: true),
            CurrentVersionId = t.Column<Guid>(nullable: true),
            OnboardingStep = t.Column<string>(maxLength: 30, nullable: false),
            OnboardingCompletedAt = t.Column<DateTime>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_candidate_profiles", x => x.UserId);
            t.ForeignKey("FK_candidate_profiles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        b.CreateTable("user_skills", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<string>(nullable: false),
            SkillId = t.Column<string>(maxLength: 200, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Proficiency = t.Column<int>(nullable: true),
            Verification = t.Column<string>(maxLength: 20, nullable: false),
            Source = t.Column<string>(maxLength: 20, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_user_skills", x => x.Id);
            t.ForeignKey("FK_user_skills_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        b.CreateIndex("IX_user_skills_UserId_SkillId", "user_skills", ["UserId", "SkillId"], unique: true);

        b.CreateTable("job_preferences", t => new
        {
            UserId = t.Column<string>(nullable: false),
            ValuesJson = t.Column<string>(nullable: false),
            LearnedJson = t.Column<string>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_job_preferences", x => x.UserId);
            t.ForeignKey("FK_job_preferences_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }
}
