using MlCourse.Learning.Journal;

namespace MlCourse.LearningTests.Journal;

/// <summary>
/// Issue 8's scripted trial: 20 parallel 'course log' runs lost or doubled entries and crashed on a shared
/// temporary file, and the rename replaced a read-only file and turned a link into a plain file.
/// </summary>
public class DailyLogConcurrencyTests
{
    private static string NewLog()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mlcourse-log-").FullName, "daily-log.md");
        File.WriteAllText(path, "# Daily log\n\n## Entries\n");
        return path;
    }

    [Fact]
    public void Twenty_parallel_appends_each_land_exactly_once_and_leave_no_temporary_file()
    {
        var path = NewLog();
        var entries = Enumerable.Range(0, 20).Select(i => $"### entry-{i:00}").ToArray();

        Parallel.ForEach(entries, new ParallelOptions { MaxDegreeOfParallelism = 20 }, entry => DailyLog.Append(path, entry));

        var lines = File.ReadAllLines(path);
        foreach (var entry in entries)
            Assert.Equal(1, lines.Count(line => line == entry));
        Assert.Equal(["daily-log.md"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_read_only_log_is_refused_with_a_message_and_left_as_it_was()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = NewLog();
        var before = File.ReadAllBytes(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        var error = Assert.Throws<UnauthorizedAccessException>(() => DailyLog.Append(path, "### refused"));

        Assert.Contains("read-only", error.Message);
        Assert.Contains("chmod u+w", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_gets_the_entry()
    {
        var target = NewLog();
        var link = Path.Combine(Directory.CreateTempSubdirectory("mlcourse-link-").FullName, "daily-log.md");
        File.CreateSymbolicLink(link, target);

        DailyLog.Append(link, "### through the link");

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.EndsWith("### through the link\n", File.ReadAllText(target));
    }
}
