using MlCourse.Learning.Review;
using MlCourse.Learning.Store;

namespace MlCourse.LearningTests.Review;

public class LeitnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_right_answer_moves_up_one_box_and_waits_two_to_the_box_minus_one_days()
    {
        var first = Leitner.Next("q", 1, previous: null, correct: true, Now);
        Assert.Equal((2, Now.AddDays(2)), (first.Box, first.DueAt));
        var third = Leitner.Next("q", 1, first with { Box = 3 }, correct: true, Now);
        Assert.Equal((4, Now.AddDays(8)), (third.Box, third.DueAt));
        var top = Leitner.Next("q", 1, first with { Box = Leitner.MaxBox }, correct: true, Now);
        Assert.Equal((Leitner.MaxBox, Now.AddDays(16)), (top.Box, top.DueAt));
    }

    [Fact]
    public void A_wrong_answer_goes_back_to_box_one_and_is_due_at_once()
    {
        var state = Leitner.Next("q", 1, new LeitnerState("q", 1, 4, Now.AddDays(3)), correct: false, Now);
        Assert.Equal((1, Now), (state.Box, state.DueAt));
    }

    [Fact]
    public void Missed_then_due_then_new_then_later_questions_are_asked_in_that_order()
    {
        var states = new Dictionary<string, LeitnerState>
        {
            ["due-box3"] = new("due-box3", 1, 3, Now.AddDays(-5)),
            ["missed"] = new("missed", 1, 1, Now.AddMinutes(-1)),
            ["due-box2"] = new("due-box2", 1, 2, Now.AddDays(-1)),
            ["later-far"] = new("later-far", 1, 5, Now.AddDays(9)),
            ["later-near"] = new("later-near", 1, 2, Now.AddDays(1)),
        };
        string[] bank = ["later-far", "new-a", "due-box3", "later-near", "missed", "new-b", "due-box2"];
        var order = Leitner.Order(bank, q => q, states, Now);
        Assert.Equal(["missed", "due-box2", "due-box3", "new-a", "new-b", "later-near", "later-far"], order);
    }
}
