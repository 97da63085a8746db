using System.Text;
using MlCourse.Learning.Journal;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Journal;

public class DailyLogTests
{
    private static string CopyOfTheRealLog(string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mlcourse-log-").FullName, "daily-log.md");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Appending_keeps_every_existing_byte_and_adds_the_entry_at_the_end()
    {
        // The repository's template plus a hand-written entry with odd spacing, a BOM-free UTF-8 dash and no final newline.
        var original = File.ReadAllText(Path.Combine(Repo.Root, "daily-log.md")) + "\n### 2026-11-01 — my own words   \n- trailing spaces kept  ";
        var path = CopyOfTheRealLog(original);
        var before = File.ReadAllBytes(path);

        DailyLog.Append(path, "### 2026-11-24 — Week 01: test\n- **Quiz:** 1/1 (100%)");

        var after = File.ReadAllBytes(path);
        Assert.Equal(before, after[..before.Length]);
        Assert.Equal("\n\n### 2026-11-24 — Week 01: test\n- **Quiz:** 1/1 (100%)\n", Encoding.UTF8.GetString(after[before.Length..]));
        Assert.False(File.Exists(path + ".course-tmp"));
    }

    [Fact]
    public void A_log_with_windows_line_endings_gets_an_entry_with_windows_line_endings()
    {
        var path = CopyOfTheRealLog("# Daily log\r\n\r\n## Entries\r\n");
        DailyLog.Append(path, "### day\n- line");
        // A blank line separates the entry from what is above it, as in the template.
        Assert.Equal("# Daily log\r\n\r\n## Entries\r\n\r\n### day\r\n- line\r\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_log_without_the_entries_heading_is_refused_and_left_untouched()
    {
        var path = CopyOfTheRealLog("# My log\n\nI deleted the headings.\n");
        var e = Assert.Throws<InvalidDataException>(() => DailyLog.Append(path, "### day"));
        Assert.Contains("## Entries", e.Message);
        Assert.Equal("# My log\n\nI deleted the headings.\n", File.ReadAllText(path));
    }
}
