using MlCourse.Learning.Review;
using MlCourse.Learning.Store;

namespace MlCourse.Learning.Mock;

/// <summary>One answered part: its score in [0, 1], the time it took, and when it comes back for review.</summary>
public sealed record MockPartResult(MockPart Part, double Score, TimeSpan Taken, DateTimeOffset NextReview, int Box);

public sealed record MockResult(long SessionId, IReadOnlyList<MockPartResult> Answered, MockStatus Status);

/// <param name="RepositoryRoot">Where .course/ lives: the drill part's file goes to .course/mock/session-N/DRILL/Solution.cs.</param>
/// <param name="Partner">A partner plays interviewer: the interview question's model answer and rubric are shown to them first.</param>
/// <param name="EchoAnswers">Echo piped input so a transcript reads like a conversation.</param>
public sealed record MockSessionSettings(string RepositoryRoot, bool Partner = false, bool EchoAnswers = false, TimeSpan? DrillCheckTimeLimit = null);

/// <summary>
/// Runs a planned round on a text reader/writer (the terminal, or piped answers). Each part is stored
/// the moment it is scored, with the item's next review, so a round that is stopped (q, end of input)
/// or cut off (Ctrl-C, a crash) keeps every part answered before. Short answers and interview answers
/// are scored by the learner (or the partner) against the model answer, key points and rubric: the
/// tool never claims to judge free text.
/// </summary>
public sealed partial class MockSession(TextReader input, TextWriter output, ProgressStore store, Func<DateTimeOffset> clock, MockSessionSettings settings)
{
    private readonly MockInput _input = new(input, output, settings.EchoAnswers);

    /// <summary>Records the session's start (status in progress) and returns its id.</summary>
    public long Begin(MockPlan plan) => store.StartMock(clock(), plan.Seed, plan.Scope, plan.Parts.Count, plan.TotalMinutes);

    public async Task<MockResult> RunAsync(MockPlan plan, long sessionId)
    {
        var answered = new List<MockPartResult>();
        for (int i = 0; i < plan.Parts.Count; i++)
        {
            var part = plan.Parts[i];
            output.WriteLine();
            output.WriteLine($"=== Part {i + 1}/{plan.Parts.Count}: {Describe(part)} · {Durations.Say(part.Limit)} ===");
            var start = clock();
            double? score = part switch
            {
                ConceptPart concept => AskConcept(concept),
                InterviewPart interview => AskInterview(interview),
                DrillPart drill => await DoDrillAsync(drill, sessionId, start),
                _ => throw new InvalidOperationException($"Unknown part {part.GetType().Name}."),
            };
            if (score is null)
            {
                store.EndMock(sessionId, MockStatus.Stopped, clock());
                output.WriteLine($"Stopped: {answered.Count} of {plan.Parts.Count} part(s) answered and kept.");
                return new MockResult(sessionId, answered, MockStatus.Stopped);
            }
            var now = clock();
            var taken = now - start;
            output.WriteLine($"Time: {Durations.Say(taken)} of {Durations.Say(part.Limit)}" + (taken > part.Limit ? $", over by {Durations.Say(taken - part.Limit)}." : "."));
            answered.Add(Record(sessionId, i, part, score.Value, taken, now));
        }
        store.EndMock(sessionId, MockStatus.Finished, clock());
        return new MockResult(sessionId, answered, MockStatus.Finished);
    }

    private static string Describe(MockPart part) => part switch
    {
        ConceptPart c => $"concept question {c.ItemId} (week {c.Week}, {c.Topic})",
        InterviewPart q => $"interview question (week {q.Week}: {q.Topic})",
        DrillPart d => $"coding drill {d.ItemId}",
        _ => part.ItemId,
    };

    /// <summary>Stores the part and its next review: concept questions in the quiz's Leitner boxes, the others in the mock's.</summary>
    private MockPartResult Record(long sessionId, int index, MockPart part, double score, TimeSpan taken, DateTimeOffset now)
    {
        var solid = score >= MockRubric.Solid;
        var record = new MockPartRecord(sessionId, index, part.Kind.ToString().ToLowerInvariant(), part.ItemId, part.Week, part.Topic, score, taken, part.Limit, now);
        LeitnerState next;
        if (part is ConceptPart)
        {
            store.Leitner().TryGetValue(part.ItemId, out var previous);
            next = Leitner.Next(part.ItemId, part.Week, previous, solid, now);
            // Two transactions: the quiz's record of the answer, then the mock's; a cut between them loses only the mock's line.
            store.RecordAnswer(new QuizAnswerRecord(part.ItemId, part.Week, solid, score, now), next);
            store.RecordMockPart(record, review: null);
        }
        else
        {
            var previous = store.MockReviews().TryGetValue(part.ItemId, out var r) ? new LeitnerState(r.ItemId, r.Week, r.Box, r.DueAt) : null;
            next = Leitner.Next(part.ItemId, part.Week, previous, solid, now);
            store.RecordMockPart(record, new MockReviewState(part.ItemId, record.Kind, part.Week, next.Box, next.DueAt));
        }
        output.WriteLine($"Score {MockReport.Percent(score)}; " + (solid
            ? $"next review in {Leitner.Interval(next.Box).TotalDays:0} day(s) (box {next.Box})."
            : "due again now (box 1): it comes back first."));
        return new MockPartResult(part, score, taken, next.DueAt, next.Box);
    }
}
