using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Answers;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>
/// E4 for a live form: answers the questions a channel found with <see cref="FormAnswerComposer"/>, so every answer
/// comes from the candidate's facts and answer bank and nothing is guessed. A line the composer leaves for the
/// candidate becomes <see cref="FieldAnswer.NeedsCandidate"/>; a resume or cover-letter question gets this
/// application's file; a select, radio or dropdown gets the option the composer matched.
/// </summary>
public sealed class ProfileFormAnswerer(FactSheet sheet, PostingTarget posting, AnswerBank bank, IReadOnlyList<SubmissionFile> files, string? coverLetterText = null)
    : IFormAnswerer
{
    public const string NoResume = "No resume was prepared for this application.";
    public const string NoCoverLetter = "No cover letter was prepared for this application.";

    public IReadOnlyList<FieldAnswer> Answer(IReadOnlyList<FormQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var classes = questions.Select(QuestionClassifier.Classify).ToList();
        // The composer skips hidden fields; the rest come back one line per question, in order.
        var asked = questions.Where((_, i) => classes[i].Category != QuestionCategory.Hidden).ToList();
        var lines = FormAnswerComposer.Compose(sheet, posting, bank, asked).Lines;
        var answers = new List<FieldAnswer>(questions.Count);
        var next = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            if (classes[i].Category == QuestionCategory.Hidden)
            {
                answers.Add(new FieldAnswer(question.Label, null, [], null, null));
                continue;
            }
            var line = lines[next++];
            answers.Add(classes[i].Category == QuestionCategory.Document ? Document(question, classes[i].Key) : FromLine(question, line));
        }
        return answers;
    }

    private static FieldAnswer FromLine(FormQuestion question, DocumentLine line)
    {
        if (line.NeedsCandidate is not null || line.Text.Length == 0)
            return new FieldAnswer(question.Label, null, [], null, line.NeedsCandidate ?? FormAnswerComposer.NoEvidenceReason);
        // The composer already picked one of the question's own options for a select; the text is that option.
        return new FieldAnswer(question.Label, line.Text, question.Options.Count > 0 ? [line.Text] : [], null, null);
    }

    private FieldAnswer Document(FormQuestion question, string? key)
    {
        var letter = key == QuestionClassifier.CoverLetter;
        var file = files.FirstOrDefault(f => f.Kind == (letter ? SubmissionFileKinds.CoverLetter : SubmissionFileKinds.Resume));
        if (question.FieldTypes.Contains("input_file"))
            return file is not null
                ? new FieldAnswer(question.Label, null, [], file, null)
                : new FieldAnswer(question.Label, null, [], null, letter ? NoCoverLetter : NoResume);
        // A text box for the document itself: the letter's text can be pasted; a resume is only ever sent as its file.
        return letter && !string.IsNullOrWhiteSpace(coverLetterText)
            ? new FieldAnswer(question.Label, coverLetterText, [], null, null)
            : new FieldAnswer(question.Label, null, [], null, letter ? NoCoverLetter : NoResume);
    }
}
