using MlCourse.Learning.Mock;
using MlCourse.Learning.Store;
using MlCourse.LearningTests.Support;
using static MlCourse.LearningTests.Mock.MockFixtures;

namespace MlCourse.LearningTests.Mock;

/// <summary>Planning over the repository's real content, whatever weeks it holds.</summary>
public class MockPlannerTests
{
    private static readonly MockContent Content = MockContent.Load(Repo.Root);
    private static readonly Dictionary<string, LeitnerState> NoQuiz = [];
    private static readonly Dictionary<string, MockReviewState> NoReviews = [];

    private static MockPlan Plan(MockOptions options, IReadOnlyDictionary<string, LeitnerState>? leitner = null, IReadOnlyDictionary<string, MockReviewState>? reviews = null) =>
        MockPlanner.Plan(Content, options, leitner ?? NoQuiz, reviews ?? NoReviews, Now);

    [Fact]
    public void A_default_round_mixes_concepts_an_interview_question_and_a_drill_from_the_whole_course()
    {
        var plan = Plan(new MockOptions(Seed: 5));
        Assert.Equal(5, plan.Parts.Count(p => p.Kind == MockPartKind.Concept));
        Assert.Single(plan.Parts, p => p.Kind == MockPartKind.Interview);
        Assert.Single(plan.Parts, p => p.Kind == MockPartKind.Drill);
        Assert.StartsWith("the whole course (weeks 1-", plan.Scope);
        // 5 × 2 min + 15 min + the drill's own time box.
        var drill = (DrillPart)plan.Parts.Single(p => p.Kind == MockPartKind.Drill);
        Assert.Equal(25 + drill.Drill.TimeBox!.Value.TotalMinutes, plan.TotalMinutes, 9);
    }

    [Fact]
    public void The_same_seed_gives_the_same_round_and_other_seeds_vary_it()
    {
        var ids = (int seed) => string.Join(" ", Plan(new MockOptions(Seed: seed)).Parts.Select(p => p.ItemId));
        Assert.Equal(ids(11), ids(11));
        Assert.True(Enumerable.Range(0, 10).Select(ids).Distinct().Count() > 1, "ten seeds all chose the same round");
    }

    [Fact]
    public void Week_and_month_limit_the_round_to_their_content()
    {
        Assert.All(Plan(new MockOptions(Week: 2, Seed: 1)).Parts, p => Assert.Equal(2, p.Week));
        var month1 = Content.MonthOfWeek.Where(kv => kv.Value == 1).Select(kv => kv.Key).ToHashSet();
        Assert.NotEmpty(month1);
        foreach (var seed in Enumerable.Range(0, 5))
            Assert.All(Plan(new MockOptions(Month: 1, Seed: seed)).Parts, p => Assert.Contains(p.Week, month1));
    }

    [Fact]
    public void A_week_or_month_without_content_is_refused_with_the_weeks_that_have_some()
    {
        var week = Assert.Throws<MockScopeException>(() => Plan(new MockOptions(Week: 99)));
        Assert.StartsWith("Week 99 has nothing to ask yet. Weeks with questions: 1-", week.Message);
        var month = Assert.Throws<MockScopeException>(() => Plan(new MockOptions(Month: 99)));
        Assert.Contains("Months with questions: 1", month.Message);
    }

    [Fact]
    public void Due_quiz_questions_lead_but_fill_at_most_half_the_concept_slots()
    {
        var week1 = Content.Concepts.Where(q => q.Week == 1).Select(q => q.Question.Id).Take(4).ToList();
        var due = week1.ToDictionary(id => id, id => new LeitnerState(id, 1, 1, Now.AddDays(-1)));
        var concepts = Plan(new MockOptions(Week: 1, Seed: 3, Concepts: 4, IncludeDrill: false), due).Parts.Where(p => p.Kind == MockPartKind.Concept).ToList();
        Assert.Equal(4, concepts.Count);
        // Two of the four due ones first (at most half of four slots; equally due, so in bank order),
        // then two drawn at random from the rest of week 1, which still holds the other two due ones.
        Assert.Equal(week1.Take(2), concepts.Take(2).Select(p => p.ItemId));
        Assert.DoesNotContain(concepts.Skip(2), p => week1.Take(2).Contains(p.ItemId));
    }

    [Fact]
    public void An_interview_question_due_for_review_is_chosen_whatever_the_seed_and_talk_questions_come_before_coding_ones()
    {
        var target = Content.Interviews.First(q => !q.IsCoding && q.Week == 3);
        var reviews = new Dictionary<string, MockReviewState> { [target.Id] = new(target.Id, "interview", 3, 1, Now.AddHours(-1)) };
        foreach (var seed in Enumerable.Range(0, 5))
        {
            Assert.Equal(target.Id, Plan(new MockOptions(Seed: seed), reviews: reviews).Parts.Single(p => p.Kind == MockPartKind.Interview).ItemId);
            var chosen = (InterviewPart)Plan(new MockOptions(Seed: seed)).Parts.Single(p => p.Kind == MockPartKind.Interview);
            Assert.False(chosen.Question.IsCoding);
        }
    }

    [Fact]
    public void Minutes_rescale_every_part_to_the_total()
    {
        var plan = Plan(new MockOptions(Seed: 2, Minutes: 30));
        Assert.Equal(30, plan.TotalMinutes, 0);
        var concept = plan.Parts.First(p => p.Kind == MockPartKind.Concept).Limit;
        var interview = plan.Parts.Single(p => p.Kind == MockPartKind.Interview).Limit;
        // The proportions stay: 15 min to 2 min, up to the rounding of each limit to whole seconds (a concept
        // part scaled to about a minute moves the ratio by up to ~0.06).
        Assert.Equal(7.5, interview / concept, tolerance: 0.1);
    }

    [Fact]
    public void Without_a_drill_and_concepts_the_round_is_one_interview_question()
    {
        var plan = Plan(new MockOptions(Week: 1, Seed: 1, Concepts: 0, IncludeDrill: false));
        Assert.Equal(MockPartKind.Interview, Assert.Single(plan.Parts).Kind);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8 }, "1-8")]
    [InlineData(new[] { 1, 2, 4, 9, 10 }, "1-2, 4, 9-10")]
    [InlineData(new[] { 7 }, "7")]
    public void Week_lists_are_said_as_ranges(int[] weeks, string expected) => Assert.Equal(expected, MockPlanner.Ranges(weeks));
}
