using MlCourse.Learning.Mock;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Mock;

public class InterviewQuestionBankTests
{
    private const string Sample = """
        # Week 3 interview questions: optimization

        Intro text.

        ---

        ## 1. "Explain Adam optimizer step-by-step"

        **Model answer.** Adam keeps two moving averages.

        More of the answer.

        **Follow-ups.**
        - *Why bias correction?* The averages start at zero.

        **Common mistakes.** Forgetting the bias correction.

        ---

        ## 2. "Implement decision tree split finding" (coding)

        **What the interviewer wants.** A sweep over sorted values.

        ---

        ## Coding drill

        - a pointer, not a question
        """;

    [Fact]
    public void A_file_is_split_into_numbered_questions_with_answer_follow_ups_and_mistakes()
    {
        var questions = InterviewQuestionBank.Parse(Sample, week: 3, month: 1, "week-03/interview-questions.md");
        Assert.Equal(2, questions.Count);
        var adam = questions[0];
        Assert.Equal(("w03-iq1", 3, 1, "optimization"), (adam.Id, adam.Week, adam.Month, adam.WeekTitle));
        Assert.Equal("Explain Adam optimizer step-by-step", adam.Prompt);
        Assert.Equal("Adam keeps two moving averages.\n\nMore of the answer.", adam.ModelAnswer);
        Assert.Equal("- *Why bias correction?* The averages start at zero.", adam.FollowUps);
        Assert.Equal("Forgetting the bias correction.", adam.CommonMistakes);
        Assert.False(adam.IsCoding);

        var split = questions[1];
        Assert.Equal("Implement decision tree split finding (coding)", split.Prompt);
        Assert.True(split.IsCoding);
        // No follow-ups section: the whole body is the answer, without the trailing rule.
        Assert.Equal("**What the interviewer wants.** A sweep over sorted values.", split.ModelAnswer);
        Assert.Equal("", split.FollowUps);
    }

    [Fact]
    public void Every_weeks_file_in_the_repository_yields_its_questions_with_model_answers()
    {
        var notebooks = Path.Combine(Repo.Root, "notebooks");
        var files = Directory.GetFiles(notebooks, InterviewQuestionBank.FileName, SearchOption.AllDirectories);
        var questions = InterviewQuestionBank.Load(notebooks);
        // Found by walking the folders: every file there is in the bank, whatever weeks have landed.
        Assert.True(files.Length >= 8, $"expected the weeks' interview-questions.md files, found {files.Length}");
        Assert.Equal(files.Length, questions.Select(q => q.Source).Distinct().Count());
        Assert.Equal(questions.Count, questions.Select(q => q.Id).Distinct().Count());
        foreach (var group in questions.GroupBy(q => q.Source))
        {
            Assert.True(group.Count() >= 3, $"{group.Key} yields only {group.Count()} question(s)");
            Assert.Contains(group, q => q.FollowUps.Length > 0);
            Assert.All(group, q => Assert.True(q.Month is not null, $"{q.Id} is in no month-N folder"));
        }
        Assert.All(questions, q => Assert.True(q.ModelAnswer.Length > 100, $"{q.Id} ({q.Source}) has a model answer of {q.ModelAnswer.Length} characters"));
        Assert.All(questions, q => Assert.DoesNotContain("**Follow-ups.**", q.ModelAnswer));
    }
}
