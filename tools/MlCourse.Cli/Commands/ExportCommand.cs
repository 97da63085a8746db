using MlCourse.Cli.Cli;
using MlCourse.NotebookRunner.Discovery;
using MlCourse.NotebookRunner.Export;
using MlCourse.NotebookRunner.Notebooks;

namespace MlCourse.Cli.Commands;

/// <summary>
/// <c>course export TARGET</c>: writes each notebook as a .NET 10 file-based app, the way to run
/// the course's code without the (retired) notebook engine.
/// </summary>
public sealed class ExportCommand : ICourseCommand
{
    public string Name => "export";

    public string Summary => "Write notebooks as .NET file-based apps (dotnet run --file app.cs) that need no notebook engine.";

    public string Help => """
        Usage: course export <target> [--output DIR] [--notebooks DIR]

        Translates each notebook into one C# file that 'dotnet run --file' builds and runs:
        #r "nuget: X, V" becomes #:package X@V, the course libraries become #:project references,
        using directives move to the top, Markdown cells become comments, type declarations move
        after the statements, and a cell's last expression without a semicolon is printed. The app
        runs in the notebook's folder; MLCOURSE_PROFILE is read from the environment.
        A notebook that cannot be translated (e.g. it declares the same variable in two cells) is
        reported with the cells to change. Targets are those of 'course run' (see 'course run --help').

        Options:
          --output DIR        where the apps go (default: output/apps/ at the repository root),
                              mirroring the notebooks/ tree: one <notebook-name>.cs each
          --notebooks DIR     treat DIR as the notebook tree instead of notebooks/ (for test fixtures)

        Each exported notebook's line shows the command that builds and runs it.

        Exit codes: 0 all notebooks exported, 1 a notebook could not be exported, 2 bad input.
        """;

    public Task<int> RunAsync(ArgumentReader args, CliConsole console)
    {
        var output = args.TakeOption("--output");
        var notebooksOption = args.TakeOption("--notebooks");
        var target = args.TakePositional()
            ?? throw new UsageException("Missing target: say what to export, e.g. 'course export week-01', 'course export all' (see 'course list').");
        args.EnsureNothingLeft(Name);

        var root = CourseLocation.RepositoryRootOrExplain();
        var tree = CourseLocation.Tree(root, notebooksOption);
        var resolution = TargetResolver.Resolve(target, tree, Directory.GetCurrentDirectory());
        if (!resolution.Succeeded)
            throw new UsageException(resolution.ErrorLine);

        var outputFolder = Path.GetFullPath(output ?? Path.Combine(root, "output", "apps"));
        if (File.Exists(outputFolder))
            throw new UsageException($"--output '{output}' is a file; give a folder for the apps.");
        console.Out.WriteLine($"Exporting {resolution.Description}: {resolution.Notebooks.Count} notebook(s) as file-based apps in {outputFolder}");

        int failed = 0;
        for (int i = 0; i < resolution.Notebooks.Count; i++)
        {
            var relative = tree.RelativePath(resolution.Notebooks[i]);
            console.Out.WriteLine($"[{i + 1}/{resolution.Notebooks.Count}] {relative}");
            var app = ExportOne(resolution.Notebooks[i], Path.Combine(outputFolder, Path.ChangeExtension(relative, ".cs")), console);
            if (app is null)
            {
                failed++;
                continue;
            }
            console.Out.WriteLine($"    {app.RunCommand}");
        }

        console.Out.WriteLine();
        console.Out.WriteLine($"{resolution.Notebooks.Count - failed} of {resolution.Notebooks.Count} notebook(s) exported.");
        return Task.FromResult(failed == 0 ? ExitCodes.Success : ExitCodes.Failure);
    }

    private static ExportedApp? ExportOne(string notebook, string appPath, CliConsole console)
    {
        try
        {
            return NotebookExporter.Export(notebook, appPath);
        }
        catch (NotebookExportException e)
        {
            console.Out.WriteLine($"    not exported ({e.Problems.Count} problem(s)):");
            foreach (var problem in e.Problems)
                console.Out.WriteLine($"      - {problem}");
        }
        catch (InvalidNotebookException e)
        {
            console.Out.WriteLine($"    not exported: {e.Problem}");
        }
        return null;
    }
}
