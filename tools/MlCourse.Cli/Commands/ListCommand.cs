using MlCourse.Cli.Cli;
using MlCourse.NotebookRunner.Discovery;

namespace MlCourse.Cli.Commands;

/// <summary><c>course list</c>: the months, weeks, folders and notebooks that <c>course run</c> accepts.</summary>
public sealed class ListCommand : ICourseCommand
{
    public string Name => "list";

    public string Summary => "List the months, weeks and notebooks that 'course run' accepts.";

    public string Help => """
        Usage: course list [--notebooks DIR]

        Prints the notebook tree: each folder with the short name 'course run' accepts
        (month-1, week-01, setup, ...) and the notebooks inside it.

        Options:
          --notebooks DIR     list DIR instead of notebooks/
        """;

    public Task<int> RunAsync(ArgumentReader args, CliConsole console)
    {
        var notebooksOption = args.TakeOption("--notebooks");
        args.EnsureNothingLeft(Name);
        var tree = CourseLocation.Tree(CourseLocation.RepositoryRootOrExplain(), notebooksOption);
        var notebooks = tree.Notebooks();
        if (notebooks.Count == 0)
        {
            console.Out.WriteLine($"No notebooks under {tree.RootFolder} yet.");
            return Task.FromResult(ExitCodes.Success);
        }

        var shortNames = tree.Months().Concat(tree.Weeks()).ToDictionary(f => f.FullPath, f => f.ShortName);
        console.Out.WriteLine($"Notebooks under {tree.RootFolder} ({notebooks.Count}); run one with 'course run NAME':");
        foreach (var group in notebooks.GroupBy(Path.GetDirectoryName))
        {
            var folder = group.Key!;
            var relative = tree.RelativePath(folder);
            var name = shortNames.TryGetValue(folder, out var shortName) ? shortName : Path.GetFileName(folder);
            console.Out.WriteLine();
            console.Out.WriteLine(relative == "." ? "(top level)" : $"{name,-16} {relative}/");
            foreach (var notebook in group)
                console.Out.WriteLine($"    {Path.GetFileName(notebook)}");
        }
        var months = tree.Months();
        if (months.Count > 0)
            console.Out.WriteLine($"{Environment.NewLine}Months: {string.Join(", ", months.Select(m => $"{m.ShortName} ({m.Name})"))}");
        return Task.FromResult(ExitCodes.Success);
    }
}
