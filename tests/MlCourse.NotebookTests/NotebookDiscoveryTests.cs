using MlCourse.NotebookTests.Support;

namespace MlCourse.NotebookTests;

/// <summary>
/// The notebook theories (execution, export, format, pins) run once per discovered notebook, so a discovery that
/// found nothing would make them all pass without checking anything. These pin what discovery must find, counted
/// independently of it from the folder layout.
/// </summary>
public sealed class NotebookDiscoveryTests
{
    [Fact]
    public void Discovery_finds_every_notebook_file_under_notebooks()
    {
        // Counted with a plain directory walk, not with NotebookTree.
        var onDisk = Directory.GetFiles(TestPaths.Notebooks.RootFolder, "*.ipynb", SearchOption.AllDirectories)
            .Select(TestPaths.RelativeToRoot).Order(StringComparer.Ordinal).ToArray();
        var discovered = new CourseNotebooksAttribute().GetData(typeof(NotebookDiscoveryTests).GetMethod(nameof(Discovery_finds_every_notebook_file_under_notebooks))!)
            .Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(onDisk, discovered);
    }

    [Fact]
    public void Every_week_folder_has_its_notebook_and_the_first_eight_weeks_exist()
    {
        var weekFolders = Directory.GetDirectories(TestPaths.Notebooks.RootFolder, "week-*", SearchOption.AllDirectories);
        // Weeks 1-8 (Months 1 and 2) have landed; later weeks only add to this.
        Assert.True(weekFolders.Length >= 8, $"expected at least 8 week folders, found {weekFolders.Length}");
        foreach (var folder in weekFolders)
            Assert.True(Directory.GetFiles(folder, "*.ipynb").Length >= 1, $"{TestPaths.RelativeToRoot(folder)} has no notebook.");
        Assert.True(TestPaths.Notebooks.Notebooks().Count >= weekFolders.Length,
            $"discovery found {TestPaths.Notebooks.Notebooks().Count} notebooks for {weekFolders.Length} week folders");
    }
}
