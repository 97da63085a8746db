using MlCourse.Notebook;

namespace MlCourse.Learning.Mock;

public sealed partial class MockSession
{
    /// <summary>
    /// Alone: the learner answers (out loud or in notes), then reads the model answer, follow-ups
    /// and common mistakes, then scores each rubric dimension. With a partner: the partner reads
    /// the interviewer's sheet first, listens, asks follow-ups, then scores. TeX is shown as Unicode text.
    /// </summary>
    private double? AskInterview(InterviewPart part)
    {
        var q = part.Question;
        output.WriteLine($"\"{q.Prompt}\"");
        if (settings.Partner)
        {
            output.WriteLine();
            output.WriteLine("INTERVIEWER'S SHEET (do not show the candidate). Read the question aloud, then listen.");
            ShowAnswerSheet(q);
            output.WriteLine("What to listen for:");
            foreach (var d in MockRubric.Interview) output.WriteLine($"  {d.Name}: {d.ForInterviewer}");
            if (_input.Line("Press Enter when the candidate has finished (q stops): ") is null) return null;
        }
        else
        {
            var notes = _input.Lines($"Answer out loud or type notes, as in the interview; an empty line ends your answer ({Durations.Say(part.Limit)}).");
            if (notes is null) return null;
            output.WriteLine();
            ShowAnswerSheet(q);
        }
        output.WriteLine(settings.Partner
            ? "Score the candidate: 0 missing, 1 partly, 2 fully."
            : "Score yourself against the model answer: 0 missing, 1 partly, 2 fully.");
        var points = new List<int>();
        foreach (var d in MockRubric.Interview)
        {
            var p = _input.Points($"  {d.Name}: {(settings.Partner ? d.ForInterviewer : d.ForCandidate)}", MockRubric.MaxPerDimension);
            if (p is null) return null;
            points.Add(p.Value);
        }
        return MockRubric.Score(points);
    }

    private void ShowAnswerSheet(InterviewQuestion q)
    {
        output.WriteLine($"--- Model answer ({q.Source}) ---");
        output.WriteLine(TexText.ToPlain(q.ModelAnswer));
        if (q.FollowUps.Length > 0)
        {
            output.WriteLine("--- Follow-ups an interviewer asks ---");
            output.WriteLine(TexText.ToPlain(q.FollowUps));
        }
        if (q.CommonMistakes.Length > 0)
        {
            output.WriteLine("--- Common mistakes ---");
            output.WriteLine(TexText.ToPlain(q.CommonMistakes));
        }
        output.WriteLine("---");
    }
}
