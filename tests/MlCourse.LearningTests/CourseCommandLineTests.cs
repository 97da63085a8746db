using System.Diagnostics;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests;

/// <summary>
/// The built 'course' program in its own process, on a scratch copy of the repository's skeleton
/// (MLCOURSE_ROOT), so answers can be piped through real stdin and the real .course/ is untouched.
/// </summary>
public class CourseCommandLineTests
{
    private static string ScratchRoot() => CourseProcess.ScratchRoot();

    private static Task<(int ExitCode, string Output, string Error)> Course(string root, string stdin, params string[] args) =>
        CourseProcess.Run(root, stdin, args);

    [Fact]
    public async Task A_piped_quiz_is_graded_and_the_missed_question_comes_first_next_time()
    {
        var root = ScratchRoot();
        // The bank's first two questions, in file order for a new learner: w01-q01 (answer B), w01-q02 (10/3).
        var first = await Course(root, "B\n7\n", "quiz", "--week", "1", "--count", "2");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Score: 1/2 (50%); missed: w01-q02", first.Output);
        Assert.True(File.Exists(Path.Combine(root, ".course", "progress.db")));

        var second = await Course(root, "q\n", "quiz", "--week", "1", "--count", "2");
        Assert.Contains("[1/2] w01-q02", second.Output);
    }

    [Fact]
    public async Task A_drill_is_started_checked_recorded_and_never_overwritten_without_force()
    {
        var root = ScratchRoot();
        var drill = Path.Combine(root, "drills", "week-01-linear-regression");
        Directory.CreateDirectory(drill);
        foreach (var file in Directory.EnumerateFiles(Repo.Week01Drill.Folder)) File.Copy(file, Path.Combine(drill, Path.GetFileName(file)));

        Assert.Equal(0, (await Course(root, "", "drill", "start", "week-01")).ExitCode);
        var solution = Path.Combine(root, ".course", "workspace", "week-01-linear-regression", "Solution.cs");
        var stubCheck = await Course(root, "", "drill", "check", "week-01");
        Assert.Equal(1, stubCheck.ExitCode);
        Assert.Contains("0 of 9 checks passed.", stubCheck.Output);
        Assert.Contains("of the 20 min box", stubCheck.Output);

        File.WriteAllText(solution, File.ReadAllText(Repo.Week01Drill.ReferencePath));
        var refused = await Course(root, "", "drill", "start", "week-01");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(File.ReadAllText(Repo.Week01Drill.ReferencePath), File.ReadAllText(solution));

        var passing = await Course(root, "", "drill", "check", "week-01");
        Assert.Equal(0, passing.ExitCode);
        Assert.Contains("All 9 checks passed.", passing.Output);
        // Week 1's row: no notebooks in the scratch root, no quiz answers, 1 of 1 drills passed.
        Assert.Matches(@"(?m)^01\s+0/0\s+- \(of \d+\)\s+1/1\s+\d+ min \d+ s", (await Course(root, "", "progress")).Output);
    }

    [Fact]
    public async Task A_quiz_killed_mid_session_keeps_every_answer_it_committed()
    {
        var root = ScratchRoot();
        using var process = Process.Start(CourseProcess.StartInfo(root, "quiz", "--week", "1", "--count", "3"))!;
        // Answer the first question (w01-q01, answer B), then wait for the line the session prints only
        // after the answer's transaction committed ("Box N: ..."), and kill the process while it waits
        // for the second answer: no clean shutdown, no disposal of the store.
        await process.StandardInput.WriteLineAsync("B");
        await process.StandardInput.FlushAsync();
        var seen = new System.Text.StringBuilder();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.AppendLine(line);
                if (line.StartsWith("Box ")) break;
            }
        }
        Assert.Contains("Box 2", seen.ToString());
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        var dbPath = Path.Combine(root, ".course", "progress.db");
        using (var store = MlCourse.Learning.Store.ProgressStore.Open(dbPath))
        {
            var answer = Assert.Single(store.Answers());
            Assert.Equal("w01-q01", answer.QuestionId);
            Assert.True(answer.Correct);
            Assert.Equal(2, store.Leitner()["w01-q01"].Box);
        }
        // The next command opens the same file normally and sees the answer.
        var progress = await Course(root, "", "progress");
        Assert.Equal(0, progress.ExitCode);
        Assert.Matches(@"(?m)^01\s+0/0\s+1/1", progress.Output);
    }

    [Theory]
    [InlineData("quiz --week 9", "No quiz for week 9. Weeks with a quiz: 1.")]
    [InlineData("quiz --count 0", "--count must be a positive whole number, not '0'.")]
    [InlineData("quiz --topic rdige", "Nearest topics: Ridge vs Lasso")]
    [InlineData("drill chek x", "Did you mean 'check'?")]
    public async Task Bad_input_gets_one_line_and_exit_code_2(string commandLine, string expected)
    {
        var (exitCode, _, error) = await Course(ScratchRoot(), "", commandLine.Split(' '));
        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_drill_name_that_starts_several_drills_lists_them_and_a_word_of_a_name_finds_it()
    {
        var root = ScratchRoot();
        CopyDrills(root);
        var ambiguous = await Course(root, "", "drill", "start", "week-0");
        Assert.Equal(2, ambiguous.ExitCode);
        // Counted from the folder, so a new week's drill does not break the test.
        int weekZeroDrills = Directory.GetDirectories(Path.Combine(root, "drills"), "week-0*").Length;
        Assert.True(weekZeroDrills >= 2, $"expected several week-0* drills, found {weekZeroDrills}");
        Assert.Contains($"'week-0' is the start of {weekZeroDrills} drills: week-01-linear-regression, week-02-stable-softmax,", ambiguous.Error);
        Assert.Contains("Nearest: week-02-stable-softmax.", (await Course(root, "", "drill", "start", "softmax")).Error);
        // A prefix with a typo is compared with the names' prefixes, not with the whole long names.
        Assert.Equal(["week-05-split-finding"], MlCourse.Cli.Commands.DrillCommand.Suggestions("week-05-splt", [.. Directory.GetDirectories(Path.Combine(root, "drills")).Select(Path.GetFileName).Order()!]).Take(1));
    }

    [Fact]
    public async Task A_timed_out_check_counts_every_check_of_the_drill()
    {
        var root = ScratchRoot();
        CopyDrills(root);
        // Gradient descent that never ends: the four checks before it pass, five never finish.
        var file = Repo.Mutated(Repo.Week01Drill.ReferencePath, ("for (int e = 0; e < epochs; e++)", "for (int e = 0; e >= 0; e = 1)"));
        var (exitCode, output, _) = await Course(root, "", "drill", "check", "week-01", "--file", file, "--timeout", "4");
        Assert.Equal(1, exitCode);
        Assert.Contains("KILLED after 4 s while running 'gradient descent converges to the exact line'", output);
        Assert.Contains("not finished (5): gradient descent converges to the exact line; one gradient step", output);
        Assert.Contains("4 of 9 checks passed before it stopped.", output);
    }

    private static void CopyDrills(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(Repo.Root, "drills")))
        {
            var copy = Directory.CreateDirectory(Path.Combine(root, "drills", Path.GetFileName(folder))).FullName;
            foreach (var file in Directory.EnumerateFiles(folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task The_help_and_the_quiz_agree_on_exit_codes_a_missed_answer_exits_0()
    {
        var root = ScratchRoot();
        var help = await Course(root, "", "--help");
        Assert.Contains("0 success (a quiz session, whatever the score)", help.Output);
        Assert.DoesNotContain("quiz answer failed", help.Output);
        Assert.Contains("Exit codes: 0 session finished or stopped", (await Course(root, "", "quiz", "--help")).Output);
        // w01-q01's answer is B: a wrong answer is a result, not a failure of the command.
        Assert.Equal(0, (await Course(root, "A\n", "quiz", "--week", "1", "--count", "1")).ExitCode);
    }
}
