using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests;

/// <summary>
/// The scripted trial of the issue, kept: many 'course log' at once, files the learner protected or
/// linked, damaged stores and broken quiz files. Each ends in one line and exit code 1 or 2.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]   // file modes and symbolic links as on Linux
public class CourseFaultTests
{
    private static string Log(string root) => Path.Combine(root, "daily-log.md");

    /// <summary>A scratch repository whose progress store holds two quiz answers (one right, one wrong).</summary>
    private static async Task<(string Root, string Db)> StoreWithTwoAnswers()
    {
        var root = CourseProcess.ScratchRoot();
        Assert.Equal(0, (await CourseProcess.Run(root, "B\n7\n", "quiz", "--week", "1", "--count", "2")).ExitCode);
        return (root, Path.Combine(root, ".course", "progress.db"));
    }

    private static void Sql(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AssertOneLine(string error) =>
        Assert.True(error.Trim().Split('\n').Length == 1 && !error.Contains("   at "), $"not one line: {error}");

    [Fact]
    public async Task Twenty_parallel_log_appends_each_appear_exactly_once_whole_and_in_order()
    {
        var root = CourseProcess.ScratchRoot();
        var runs = Enumerable.Range(0, 20).Select(i => CourseProcess.Run(root, "", "log", "--week", "1", "--note", $"parallel note {i:00}")).ToList();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        var text = File.ReadAllText(Log(root));
        for (int i = 0; i < 20; i++)
            Assert.Single(Regex.Matches(text, $"parallel note {i:00}\n"));
        // Whole entries: each heading is followed by its own seven lines, in the template's order, never by another entry's.
        var entries = text[text.IndexOf("<!-- Your entries", StringComparison.Ordinal)..].Split("\n### ").Skip(1).ToList();
        Assert.Equal(20, entries.Count);
        Assert.All(entries, e => Assert.Matches(@"^\d{4}-\d\d-\d\d — Week 01: .*\n- \*\*Studied:\*\* parallel note \d\d\n- \*\*Notebook:\*\* .*\n- \*\*Drills:\*\* .*\n- \*\*Quiz:\*\* .*\n- \*\*Explained out loud:\*\* .*\n- \*\*To review:\*\* .*\n- \*\*Time spent:\*\* <hours>\n", e + "\n"));
        // Nothing temporary beside the log: only the lock file, under the git-ignored .course/.
        Assert.Equal(["daily-log.md"], Directory.EnumerateFiles(root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_log_killed_while_waiting_for_the_lock_leaves_no_file_behind_and_the_next_append_works()
    {
        var root = CourseProcess.ScratchRoot();
        var lockPath = Path.Combine(root, ".course", "locks", "daily-log.md.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var before = File.ReadAllText(Log(root));
        // Hold the lock ourselves, so the child is certainly inside the append when it is killed.
        using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            using var child = Process.Start(CourseProcess.StartInfo(root, "log", "--note", "killed"))!;
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(child.HasExited, "the child should be waiting for the lock");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        Assert.Equal(before, File.ReadAllText(Log(root)));
        Assert.Equal(["daily-log.md"], Directory.EnumerateFiles(root).Select(Path.GetFileName).Order());

        var next = await CourseProcess.Run(root, "", "log", "--note", "after the kill");
        Assert.Equal(0, next.ExitCode);
        Assert.Contains("after the kill", File.ReadAllText(Log(root)));
    }

    [Fact]
    public async Task A_read_only_log_is_refused_with_a_clear_message_and_keeps_its_mode_and_bytes()
    {
        var root = CourseProcess.ScratchRoot();
        var before = File.ReadAllBytes(Log(root));
        File.SetUnixFileMode(Log(root), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exitCode, _, error) = await CourseProcess.Run(root, "", "log", "--note", "x");

        Assert.Equal(2, exitCode);
        Assert.Contains("is read-only", error);
        Assert.Contains("chmod u+w", error);
        AssertOneLine(error);
        Assert.Equal(before, File.ReadAllBytes(Log(root)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(Log(root)));
    }

    [Fact]
    public async Task A_linked_log_is_written_through_the_link_which_stays_a_link()
    {
        var root = CourseProcess.ScratchRoot();
        var elsewhere = Path.Combine(Directory.CreateTempSubdirectory("mlcourse-notes-").FullName, "my-log.md");
        File.Move(Log(root), elsewhere);
        File.CreateSymbolicLink(Log(root), elsewhere);

        var (exitCode, _, error) = await CourseProcess.Run(root, "", "log", "--note", "through the link");

        Assert.True(exitCode == 0, error);
        Assert.NotNull(new FileInfo(Log(root)).LinkTarget);
        Assert.Contains("through the link", File.ReadAllText(elsewhere));
    }

    [Theory]
    [InlineData("50")]
    [InlineData("0")]
    [InlineData("25")]
    public async Task A_week_outside_the_course_is_refused(string week)
    {
        var (exitCode, _, error) = await CourseProcess.Run(CourseProcess.ScratchRoot(), "", "log", "--week", week);
        Assert.Equal(2, exitCode);
        Assert.Contains($"--week must be a week of the course, 1 to 24, not '{week}'", error);
    }

    public static TheoryData<string> StoreReaders() => new() { "progress", "log", "quiz" };

    [Theory]
    [MemberData(nameof(StoreReaders))]
    public async Task A_garbage_store_is_named_with_its_repair_and_repair_keeps_it_aside(string command)
    {
        var root = CourseProcess.ScratchRoot();
        var db = Path.Combine(root, ".course", "progress.db");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        File.WriteAllText(db, new string('x', 5000));

        var (exitCode, _, error) = await CourseProcess.Run(root, "q\n", command);
        Assert.Equal(2, exitCode);
        Assert.Contains($"{db} is damaged", error);
        Assert.Contains("course progress --repair", error);
        AssertOneLine(error);

        var repair = await CourseProcess.Run(root, "", "progress", "--repair");
        Assert.Equal(0, repair.ExitCode);
        Assert.Contains("kept as", repair.Output);
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(db)!, "progress.db.damaged-*"), f => !f.EndsWith("-wal") && !f.EndsWith("-shm"));
        Assert.Equal(0, (await CourseProcess.Run(root, "", "progress")).ExitCode);
    }

    [Fact]
    public async Task A_truncated_store_is_reported_as_damaged()
    {
        var (root, db) = await StoreWithTwoAnswers();
        // Fold the WAL in first, so the database file holds every page; then cut it in half.
        Sql(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
        using (var f = new FileStream(db, FileMode.Open)) f.SetLength(f.Length / 2);

        var (exitCode, _, error) = await CourseProcess.Run(root, "", "progress");
        Assert.Equal(2, exitCode);
        Assert.Contains("is damaged", error);
        AssertOneLine(error);
    }

    [Fact]
    public async Task A_dropped_table_is_named_and_repair_recreates_it_keeping_the_other_records()
    {
        var (root, db) = await StoreWithTwoAnswers();
        Sql(db, "DROP TABLE drill_attempt;");

        var broken = await CourseProcess.Run(root, "", "progress");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("the table drill_attempt is missing", broken.Error);
        AssertOneLine(broken.Error);

        var repair = await CourseProcess.Run(root, "", "progress", "--repair");
        Assert.Contains("Recreated the missing table drill_attempt", repair.Output);
        var progress = await CourseProcess.Run(root, "", "progress");
        Assert.Equal(0, progress.ExitCode);
        // The two quiz answers survived the repair.
        Assert.Matches(@"(?m)^01\s+0/0\s+1/2", progress.Output);
    }

    [Theory]
    [MemberData(nameof(StoreReaders))]
    public async Task A_broken_quiz_file_gets_one_line_naming_it_and_exit_2(string command)
    {
        var root = CourseProcess.ScratchRoot();
        var quiz = Path.Combine(root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals", "quiz.json");
        File.WriteAllText(quiz, File.ReadAllText(quiz)[..200]);

        var (exitCode, _, error) = await CourseProcess.Run(root, "", command == "progress" ? [command] : [command, "--week", "1"]);
        Assert.Equal(2, exitCode);
        Assert.Contains("quiz.json", error);
        AssertOneLine(error);
    }

    [Fact]
    public async Task A_course_folder_that_cannot_be_created_is_one_line_and_exit_1()
    {
        var root = CourseProcess.ScratchRoot();
        // The tests run as root, whom no permission stops; a file where the folder should be does.
        File.WriteAllText(Path.Combine(root, ".course"), "not a folder");
        var (exitCode, _, error) = await CourseProcess.Run(root, "", "progress");
        Assert.Equal(1, exitCode);
        AssertOneLine(error);
        Assert.StartsWith("course: ", error);
    }

    [Fact]
    public async Task Run_output_into_a_file_is_one_line_not_a_stack_trace()
    {
        var root = CourseProcess.ScratchRoot();
        var file = Path.Combine(root, "a-file.txt");
        File.WriteAllText(file, "");
        var (exitCode, _, error) = await CourseProcess.Run(root, "", "run", "week-01", "--output", file);
        Assert.True(exitCode is 1 or 2, $"exit {exitCode}: {error}");
        AssertOneLine(error);
    }
}
