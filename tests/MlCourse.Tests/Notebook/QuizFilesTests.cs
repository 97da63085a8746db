using MlCourse.Core.Data;
using MlCourse.Notebook;

namespace MlCourse.Tests.Notebook;

/// <summary>Every quiz.json in the repository follows docs/quiz-format.md, so a broken quiz fails the build.</summary>
public class QuizFilesTests
{
    // The fixture is always listed, so the theory runs (and proves the loader) before any week has a quiz.
    public static TheoryData<string> QuizFiles()
    {
        var root = CoursePaths.Root;
        var data = new TheoryData<string> { "tests/MlCourse.Tests/Notebook/Fixtures/quiz-valid.json" };
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "notebooks"), "quiz.json", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(QuizFiles))]
    public void Every_quiz_file_in_the_repository_is_valid(string relativePath)
    {
        var quiz = Quiz.Load(Path.Combine(CoursePaths.Root, relativePath));
        Assert.NotEmpty(quiz.Questions);
        var weekFolder = Path.GetFileName(Path.GetDirectoryName(relativePath));
        if (weekFolder!.StartsWith("week-", StringComparison.Ordinal))
            Assert.Equal(int.Parse(weekFolder[5..7]), quiz.Week);
    }
}
