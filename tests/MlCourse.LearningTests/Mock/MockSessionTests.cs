using MlCourse.Learning.Mock;
using MlCourse.Learning.Store;
using static MlCourse.LearningTests.Mock.MockFixtures;

namespace MlCourse.LearningTests.Mock;

/// <summary>A mock round driven from a string, as if piped: grading, self-assessment, storage, stopping.</summary>
public class MockSessionTests
{
    [Fact]
    public void Choice_and_numeric_parts_are_graded_and_stored_as_quiz_answers_with_their_review()
    {
        // w01-q01: the answer is B; w01-q02: the MSE of errors 1, 0, 3 is 10/3, so 7 is wrong.
        using var store = NewStore();
        var (result, text) = Run(store, Plan(Concept("w01-q01"), Concept("w01-q02")), "B\n7\n");

        Assert.Equal(MockStatus.Finished, result.Status);
        Assert.Equal([1.0, 0.0], result.Answered.Select(a => a.Score));
        Assert.Contains("Correct: B.", text);
        Assert.Equal([true, false], store.Answers().Select(a => a.Correct));
        Assert.Equal(2, store.Leitner()["w01-q01"].Box);
        Assert.Equal((1, Now), (store.Leitner()["w01-q02"].Box, store.Leitner()["w01-q02"].DueAt));
        Assert.Equal(["w01-q01", "w01-q02"], store.MockParts().Select(p => p.ItemId));
        Assert.Equal(MockStatus.Finished, Assert.Single(store.MockSessions()).Status);
    }

    [Fact]
    public void A_short_answer_is_scored_by_the_learner_not_by_its_keywords()
    {
        // w01-q13 (ridge vs lasso) has two key points. An answer stuffed with every key term, which
        // a keyword matcher would mark fully right, scores what the learner says it covered: nothing.
        using var store = NewStore();
        var stuffed = "lasso l1 zero sparse select ridge l2 shrink correlated stable";
        var (keywords, text) = Run(store, Plan(Concept("w01-q13")), $"{stuffed}\nn\nn\n");
        Assert.Equal(0, Assert.Single(keywords.Answered).Score);
        Assert.Contains("Model answer: Lasso (L1) sets some coefficients exactly to zero", text);
        Assert.DoesNotContain("Correct", text);

        // And an answer without one of the terms, judged by the learner to make both points, scores 1.
        var (judged, _) = Run(store, Plan(Concept("w01-q13")), "one penalty zeroes weights, the other spreads them\ny\ny\n");
        Assert.Equal(1, Assert.Single(judged.Answered).Score);
        Assert.Equal([false, true], store.Answers().Select(a => a.Correct));
    }

    [Fact]
    public void Half_the_key_points_is_half_the_score_and_brings_the_question_back_first()
    {
        using var store = NewStore();
        var (result, _) = Run(store, Plan(Concept("w01-q13")), "an answer\ny\nn\n");
        Assert.Equal(0.5, Assert.Single(result.Answered).Score);
        Assert.Equal(1, store.Leitner()["w01-q13"].Box);
        Assert.Equal(0.5, Assert.Single(store.Answers()).Score);
    }

    [Fact]
    public void An_interview_answer_is_revealed_after_the_attempt_and_scored_on_the_rubric()
    {
        using var store = NewStore();
        // Two lines of notes, an empty line, then 2 + 2 + 1 + 1 of 8 points = 0.75.
        var (result, text) = Run(store, Plan(Interview("w01-iq2")), "ridge shrinks\nlasso selects\n\n2\n2\n1\n1\n");
        Assert.Equal(0.75, Assert.Single(result.Answered).Score);
        var attempt = text.IndexOf("an empty line ends your answer", StringComparison.Ordinal);
        var reveal = text.IndexOf("--- Model answer", StringComparison.Ordinal);
        Assert.True(attempt >= 0 && reveal > attempt, "the model answer must come after the learner's attempt");
        Assert.Contains("--- Follow-ups an interviewer asks ---", text);
        foreach (var dimension in MockRubric.Interview) Assert.Contains(dimension.Name, text);
        // Solid (≥ 0.75): up to box 2, next review in 2 days, kept in the mock's own schedule.
        var review = store.MockReviews()["w01-iq2"];
        Assert.Equal((2, Now.AddDays(2), "interview"), (review.Box, review.DueAt, review.Kind));
        Assert.Empty(store.Answers());
    }

    [Fact]
    public void An_out_of_range_rubric_score_is_asked_again()
    {
        using var store = NewStore();
        var (result, text) = Run(store, Plan(Interview("w01-iq2")), "\n3\n-1\n2\n2\n2\n2\n");
        Assert.Equal(1, Assert.Single(result.Answered).Score);
        Assert.Contains("Type a whole number from 0 to 2", text);
    }

    [Fact]
    public void With_a_partner_the_interviewers_sheet_comes_before_the_candidate_answers()
    {
        using var store = NewStore();
        var (result, text) = Run(store, Plan(Interview("w01-iq2")), "\n1\n1\n1\n1\n", partner: true);
        Assert.Equal(0.5, Assert.Single(result.Answered).Score);
        var sheet = text.IndexOf("INTERVIEWER'S SHEET", StringComparison.Ordinal);
        var wait = text.IndexOf("Press Enter when the candidate has finished", StringComparison.Ordinal);
        Assert.True(sheet >= 0 && wait > sheet);
        Assert.Contains(MockRubric.Interview[0].ForInterviewer, text);
    }

    [Fact]
    public void Input_ending_mid_round_stops_it_and_keeps_the_parts_answered_before()
    {
        using var store = NewStore();
        // One answer, then the pipe closes while the second question waits.
        var (result, text) = Run(store, Plan(Concept("w01-q01"), Concept("w01-q02"), Interview("w01-iq2")), "B\n");
        Assert.Equal(MockStatus.Stopped, result.Status);
        Assert.Single(result.Answered);
        Assert.Contains("Stopped: 1 of 3 part(s) answered and kept.", text);
        var session = Assert.Single(store.MockSessions());
        Assert.Equal(MockStatus.Stopped, session.Status);
        Assert.NotNull(session.EndedAt);
        Assert.Equal("w01-q01", Assert.Single(store.MockParts()).ItemId);
    }

    [Fact]
    public void Typing_q_while_scoring_an_interview_answer_stops_without_storing_a_half_scored_part()
    {
        using var store = NewStore();
        var (result, _) = Run(store, Plan(Concept("w01-q01"), Interview("w01-iq2")), "B\nnotes\n\n2\nq\n");
        Assert.Equal(MockStatus.Stopped, result.Status);
        Assert.Equal(["w01-q01"], store.MockParts().Select(p => p.ItemId));
    }

    [Fact]
    public void Time_over_the_parts_limit_is_reported_and_stored()
    {
        using var store = NewStore();
        // The test clock moves by a fixed step each time it is read; a part is timed from one read to the next.
        var (slow, text) = Run(store, Plan(Concept("w01-q01")), "B\n", perRead: TimeSpan.FromSeconds(100));
        Assert.Equal(TimeSpan.FromSeconds(100), slow.Answered[0].Taken);
        Assert.DoesNotContain("over by", text);
        var (slower, text2) = Run(store, Plan(Concept("w01-q01")), "B\n", perRead: TimeSpan.FromSeconds(150));
        Assert.Equal(TimeSpan.FromSeconds(150), slower.Answered[0].Taken);
        Assert.Contains("Time: 2 min 30 s of 2 min, over by 30 s.", text2);
        Assert.Equal(TimeSpan.FromSeconds(150), store.MockParts().Last().Taken);
    }

    [Fact]
    public void A_skipped_question_scores_zero_and_shows_the_explanation()
    {
        using var store = NewStore();
        var (result, text) = Run(store, Plan(Concept("w01-q01")), "s\n");
        Assert.Equal(0, Assert.Single(result.Answered).Score);
        Assert.Contains("Skipped. Why:", text);
    }
}
