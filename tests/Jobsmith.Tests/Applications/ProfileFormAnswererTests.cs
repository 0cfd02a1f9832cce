using System.Text;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Tests.Applications.Channels;

namespace Jobsmith.Tests.Applications;

/// <summary>E4 for live forms: answers only from the candidate's parsed facts and stored bank, files of this application.</summary>
public sealed class ProfileFormAnswererTests
{
    private static async Task<ProfileFormAnswerer> AnswererAsync(params SubmissionFile[] files)
    {
        var parsed = await new ProfileParser(TimeProvider.System).ParseAsync(Encoding.UTF8.GetBytes(BrowserFormFixture.ResumeText), "resume.txt");
        var bank = new AnswerBank(BrowserFormFixture.Stored.ToDictionary(kv => kv.Key, kv => AnswerBank.Normalize(kv.Key, kv.Value).Value!));
        return new ProfileFormAnswerer(new FactSheet(FactExtractor.Extract(parsed, Guid.NewGuid(), 1)), new PostingTarget(BrowserFormFixture.Posting()), bank, files);
    }

    private static SubmissionFile Resume() =>
        SubmissionFiles.Create(SubmissionFileKinds.Resume, "cv.pdf", "application/pdf", [1, 2, 3], Guid.NewGuid(), 1, Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public async Task Each_question_gets_its_answer_in_order_and_hidden_fields_get_none()
    {
        var resume = Resume();
        var answerer = await AnswererAsync(resume);
        var answers = answerer.Answer([
            FormQuestion.Text("Email"),
            new FormQuestion("Latitude", ["input_hidden"], []),
            new FormQuestion("Resume", ["input_file"], [], Required: true),
            new FormQuestion("Are you willing to relocate?", ["multi_value_single_select"], ["Yes", "No"]),
            new FormQuestion("Will you require visa sponsorship?", ["multi_value_single_select"], ["Yes, now", "No"]),
            FormQuestion.Text("Favourite mascot"),
            new FormQuestion("Cover letter", ["input_file"], []),
        ]);

        Assert.Equal(7, answers.Count);
        Assert.Equal("maya.okafor@example.com", answers[0].Text);
        Assert.Null(answers[1].Text);
        Assert.Null(answers[1].NeedsCandidate);
        Assert.Same(resume, answers[2].File);
        Assert.Equal(["No"], answers[3].Choices);
        Assert.Equal(["No"], answers[4].Choices);
        Assert.Equal(FormAnswerComposer.UnknownReason, answers[5].NeedsCandidate);
        Assert.Null(answers[5].Text);
        Assert.Equal(ProfileFormAnswerer.NoCoverLetter, answers[6].NeedsCandidate);
    }

    [Fact]
    public async Task A_sensitive_question_without_a_stored_choice_goes_to_the_candidate()
    {
        var answerer = await AnswererAsync();
        var answers = answerer.Answer([new FormQuestion("Gender", ["multi_value_single_select"], ["Female", "Male", "Decline to self-identify"], Section: FormSections.Demographic)]);
        Assert.Equal(FormAnswerComposer.SensitiveReason, Assert.Single(answers).NeedsCandidate);
    }
}
