using MlCourse.Learning.Store;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Mock;

/// <summary>'course mock' as a learner runs it: a real process, answers on stdin, a scratch repository.</summary>
public class MockCommandLineTests
{
    /// <summary>Weeks 1 and 2 (month 1) with their quiz and interview questions, and Week 1's drill.</summary>
    private static string ScratchRoot()
    {
        var root = Directory.CreateTempSubdirectory("mlcourse-mock-root-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.Copy(Path.Combine(Repo.Root, "data", "SHA256SUMS"), Path.Combine(root, "data", "SHA256SUMS"));
        foreach (var week in new[] { "week-01-ml-fundamentals", "week-02-linear-models" })
        {
            var from = Path.Combine(Repo.Root, "notebooks", "month-1-foundations", week);
            var to = Path.Combine(root, "notebooks", "month-1-foundations", week);
            Directory.CreateDirectory(to);
            foreach (var file in new[] { "quiz.json", "interview-questions.md" }) File.Copy(Path.Combine(from, file), Path.Combine(to, file));
        }
        var drill = Path.Combine(root, "drills", Repo.Week01Drill.Name);
        Directory.CreateDirectory(drill);
        foreach (var file in Directory.EnumerateFiles(Repo.Week01Drill.Folder)) File.Copy(file, Path.Combine(drill, Path.GetFileName(file)));
        return root;
    }

    private static async Task<(int ExitCode, string Output, string Error)> Course(string root, string stdin, params string[] args)
    {
        using var course = CourseProcess.Start(root, args);
        foreach (var line in stdin.Split('\n', StringSplitOptions.None).SkipLast(1)) await course.WriteLineAsync(line);
        return await course.FinishAsync();
    }

    private static ProgressStore Store(string root) => ProgressStore.Open(ProgressStore.DefaultPath(root));

    [Theory]
    [InlineData("mock --week 9", "Week 9 has nothing to ask yet. Weeks with questions: 1-2.")]
    [InlineData("mock --month 2", "Month 2 has nothing to ask yet. Months with questions: 1.")]
    [InlineData("mock --week 1 --month 1", "Give --week or --month, not both.")]
    [InlineData("mock --minutes 0", "--minutes must be a number of minutes from 1 to 240, not '0'.")]
    [InlineData("mock --minutes ten", "--minutes must be a number of minutes from 1 to 240, not 'ten'.")]
    [InlineData("mock --seed -4", "--seed must be a whole number of at least 0, not '-4'.")]
    [InlineData("mock --concepts 51", "--concepts must be a whole number from 0 to 50, not '51'.")]
    [InlineData("mock --report --week 1", "--report takes no other options")]
    [InlineData("mock --wek 1", "Did you mean --week?")]
    [InlineData("mock --week", "Option --week needs a value.")]
    public async Task Bad_input_gets_one_line_and_exit_code_2(string commandLine, string expected)
    {
        var root = ScratchRoot();
        var (exitCode, _, error) = await Course(root, "", commandLine.Split(' '));
        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
        // Bad input starts no round.
        using var store = Store(root);
        Assert.Empty(store.MockSessions());
    }

    [Fact]
    public async Task A_piped_round_is_scored_stored_and_reported_with_weaknesses_and_reviews()
    {
        var root = ScratchRoot();
        // Seeded: two concept questions then one interview question. Answers: skip both concepts
        // (score 0 whatever they are), answer the interview question in notes, score it 2, 2, 2, 1.
        var (exitCode, output, _) = await Course(root, "s\ns\nmy notes\n\n2\n2\n2\n1\n", "mock", "--week", "1", "--seed", "4", "--concepts", "2", "--no-drill");
        Assert.Equal(0, exitCode);
        Assert.Contains("Mock round over week 1: 3 part(s)", output);
        Assert.Contains("Round finished: 3 of 3 part(s)", output);
        Assert.Contains("Weakest weeks over all mocks (3 part(s)): week 01 29% (3)", output);
        Assert.Matches(@"Due now: 2 quiz question\(s\)", output);

        using var store = Store(root);
        var session = Assert.Single(store.MockSessions());
        Assert.Equal((MockStatus.Finished, 4, "week 1"), (session.Status, session.Seed, session.Scope));
        Assert.Equal(["concept", "concept", "interview"], store.MockParts().Select(p => p.Kind));
        Assert.Equal(7 / 8.0, store.MockParts()[2].Score);
        Assert.Equal(2, store.MockReviews()[store.MockParts()[2].ItemId].Box);

        // The report reads the same rows back.
        var report = await Course(root, "", "mock", "--report");
        Assert.Equal(0, report.ExitCode);
        Assert.Matches(@"#1\s+\S+ \S+\s+finished\s+3/3 parts\s+mean 29%\s+week 1 \(seed 4\)", report.Output);
    }

    [Fact]
    public async Task The_same_seed_replays_the_same_parts()
    {
        var root = ScratchRoot();
        string Parts(string output) => string.Join(" ", output.Split('\n').Where(l => l.StartsWith("=== Part ")));
        var first = await Course(root, "", "mock", "--seed", "12", "--no-drill");
        var second = await Course(ScratchRoot(), "", "mock", "--seed", "12", "--no-drill");
        Assert.Equal(Parts(first.Output), Parts(second.Output));
        Assert.Contains("=== Part 1/6", first.Output);
    }

    [Fact]
    public async Task Input_closed_mid_round_stops_it_and_keeps_the_answered_part()
    {
        var root = ScratchRoot();
        var (exitCode, output, _) = await Course(root, "s\n", "mock", "--week", "1", "--seed", "4", "--no-drill");
        Assert.Equal(0, exitCode);
        Assert.Contains("Stopped: 1 of 6 part(s) answered and kept.", output);
        using var store = Store(root);
        Assert.Equal(MockStatus.Stopped, Assert.Single(store.MockSessions()).Status);
        Assert.Single(store.MockParts());
    }

    [InterruptibleFact]
    public async Task Ctrl_c_mid_round_keeps_the_answered_part_and_marks_the_round_interrupted()
    {
        var root = ScratchRoot();
        using var course = CourseProcess.Start(root, "mock", "--week", "1", "--seed", "4", "--no-drill");
        await course.ReadUntilAsync("=== Part 1/");
        await course.WriteLineAsync("s");
        // "Score ..." is printed only after the part's transaction committed.
        await course.ReadUntilAsync("Score 0%");
        await course.ReadUntilAsync("=== Part 2/");
        course.Interrupt();
        var (exitCode, _, error) = await course.FinishAsync(closeInput: false);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("course: mock interrupted; 1 answered part(s) kept. See 'course mock --report'.", error);
        using (var store = Store(root))
        {
            Assert.Equal(MockStatus.Interrupted, Assert.Single(store.MockSessions()).Status);
            Assert.Single(store.MockParts());
        }
        Assert.Contains("interrupted", (await Course(root, "", "mock", "--report")).Output);
    }

    [Fact]
    public async Task A_killed_round_keeps_its_answered_part_and_the_report_calls_it_interrupted()
    {
        var root = ScratchRoot();
        using (var course = CourseProcess.Start(root, "mock", "--week", "1", "--seed", "4", "--no-drill"))
        {
            await course.ReadUntilAsync("=== Part 1/");
            await course.WriteLineAsync("s");
            await course.ReadUntilAsync("Score 0%");
            // No signal handler, no disposal: the process just ends.
            course.KillAlone();
            await course.FinishAsync(closeInput: false);
        }
        using (var store = Store(root))
        {
            Assert.Equal(MockStatus.InProgress, Assert.Single(store.MockSessions()).Status);
            Assert.Single(store.MockParts());
        }
        Assert.Matches(@"#1\s+\S+ \S+\s+interrupted\s+1/6 parts", (await Course(root, "", "mock", "--report")).Output);
    }

    [Fact]
    public async Task The_drill_part_runs_the_hidden_checks_on_the_file_it_names_and_records_the_attempt()
    {
        var root = ScratchRoot();
        using var course = CourseProcess.Start(root, "mock", "--week", "1", "--concepts", "0", "--seed", "1");
        // The interview question first: answered out loud, scored 1, 1, 1, 1.
        await course.ReadUntilAsync("an empty line ends your answer");
        foreach (var line in new[] { "", "1", "1", "1", "1" }) await course.WriteLineAsync(line);
        var edit = await course.ReadUntilAsync("Edit:");
        var file = edit["Edit:".Length..].Trim();
        Assert.StartsWith(Path.Combine(root, ".course", "mock"), file);

        // The stub fails the checks; a wrong solution (the drill's fixture) too; the reference passes.
        await course.WriteLineAsync("");
        await course.ReadUntilAsync("0 of 9 checks passed.");
        File.WriteAllText(file, File.ReadAllText(Repo.Fixture(Path.Combine("Wrong", "week-01-linear-regression.cs"))));
        await course.WriteLineAsync("");
        var wrong = await course.ReadUntilAsync("checks passed.");
        Assert.DoesNotContain("9 of 9", wrong);
        File.WriteAllText(file, File.ReadAllText(Repo.Week01Drill.ReferencePath));
        await course.WriteLineAsync("");
        await course.ReadUntilAsync("Score 100%");
        var (exitCode, output, _) = await course.FinishAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains("Round finished: 2 of 2 part(s)", output);

        using var store = Store(root);
        Assert.Equal([false, false, true], store.DrillAttempts().Select(a => a.Passed));
        Assert.Equal(1, store.MockParts().Single(p => p.Kind == "drill").Score);
        // The learner's own 'course drill start' workspace is untouched.
        Assert.False(Directory.Exists(Path.Combine(root, ".course", "workspace")));
    }
}
