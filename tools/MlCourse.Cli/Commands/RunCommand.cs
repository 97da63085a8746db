using MlCourse.Cli.Cli;
using MlCourse.Cli.Output;
using MlCourse.NotebookRunner;
using MlCourse.NotebookRunner.Discovery;
using MlCourse.NotebookRunner.Notebooks;
using MlCourse.NotebookRunner.Results;

namespace MlCourse.Cli.Commands;

/// <summary><c>course run TARGET</c>: executes notebooks headlessly and writes executed copies.</summary>
public sealed class RunCommand : ICourseCommand
{
    public string Name => "run";

    public string Summary => "Execute notebooks headlessly (a week, a month, 'all' or a path) and write executed copies.";

    public string Help => """
        Usage: course run <target> [--output DIR] [--profile fast|full] [--engine kernel|in-process] [--timeout MINUTES] [--notebooks DIR]

        Runs each notebook's code cells in order in a fresh C# kernel (the notebook's folder is the
        working directory), stops a notebook at its first failing cell, and writes the notebook with
        its outputs under the output folder, mirroring the notebooks/ tree. A failing notebook is
        reported and the rest still run.

        Targets (any case):
          all                          every notebook under notebooks/
          month-1, month-01, m1        a month (or its folder name, month-1-foundations)
          week-01, week-1, w1          a week (or its folder name, week-01-ml-fundamentals)
          setup, interview-prep, ...   any other folder under notebooks/
          check-environment            a notebook by file name, when the name is unique
          notebooks/setup/x.ipynb      a path to a notebook or folder inside notebooks/
          A bare number (3) is refused as ambiguous: say week-03 or month-3.

        Options:
          --output DIR        where executed copies go (default: output/executed/ at the repository root)
          --profile fast|full sets MLCOURSE_PROFILE for the notebooks (default: fast)
          --engine kernel     the dotnet-interactive tool pinned in .config/dotnet-tools.json, in its own
                              process per notebook: what VS Code and Jupyter run (the default)
          --engine in-process a kernel inside this tool: starts faster, but hides a missing #r
          --timeout MINUTES   per-notebook time limit (default: 10); a timed-out kernel is killed
          --notebooks DIR     treat DIR as the notebook tree instead of notebooks/ (for test fixtures)

        Exit codes: 0 all notebooks ran, 1 a notebook failed, 2 bad input.
        """;

    public async Task<int> RunAsync(ArgumentReader args, CliConsole console)
    {
        var output = args.TakeOption("--output");
        var profileText = args.TakeOption("--profile");
        var timeoutText = args.TakeOption("--timeout");
        var engineText = args.TakeOption("--engine");
        var notebooksOption = args.TakeOption("--notebooks");
        var target = args.TakePositional()
            ?? throw new UsageException("Missing target: say what to run, e.g. 'course run week-01', 'course run all' (see 'course list').");
        args.EnsureNothingLeft(Name);

        var profile = CourseProfile.Fast;
        if (profileText is not null && !CourseProfiles.TryParse(profileText, out profile))
            throw new UsageException($"--profile must be 'fast' or 'full', not '{profileText}'.");
        var timeout = ParseTimeout(timeoutText);
        var engine = NotebookEngine.Kernel;
        if (engineText is not null && !NotebookEngines.TryParse(engineText, out engine))
            throw new UsageException($"--engine must be 'kernel' or 'in-process', not '{engineText}'.");

        var root = CourseLocation.RepositoryRootOrExplain();
        var tree = CourseLocation.Tree(root, notebooksOption);
        var resolution = TargetResolver.Resolve(target, tree, Directory.GetCurrentDirectory());
        if (!resolution.Succeeded)
            throw new UsageException(resolution.ErrorLine);

        var outputFolder = Path.GetFullPath(output ?? Path.Combine(root, "output", "executed"));
        console.Out.WriteLine($"Running {resolution.Description}: {resolution.Notebooks.Count} notebook(s), profile {profile.ToVariableValue()}, engine {engine.ToOptionValue()}, " +
                              $"timeout {(timeout.TotalMinutes >= 1 ? $"{timeout.TotalMinutes:0.#} min" : $"{timeout.TotalSeconds:0.#} s")} each, executed copies in {outputFolder}");

        var rows = new List<SummaryRow>();
        var failures = new List<string>();
        for (int i = 0; i < resolution.Notebooks.Count; i++)
        {
            var notebook = resolution.Notebooks[i];
            var relative = tree.RelativePath(notebook);
            console.Out.WriteLine($"[{i + 1}/{resolution.Notebooks.Count}] {relative}");
            var progress = new ProgressPrinter(console);
            var options = new NotebookRunOptions
            {
                OutputPath = Path.Combine(outputFolder, relative),
                Profile = profile,
                Timeout = timeout,
                Engine = engine,
                Progress = progress,
            };
            try
            {
                var result = await NotebookExecutor.RunAsync(notebook, options);
                progress.Finish(result);
                rows.Add(SummaryRow.From(relative, result));
                if (notebooksOption is null) ProgressRunRecorder.Record(root, relative, result, console);
                if (!result.Succeeded) failures.Add(result.Describe());
            }
            catch (InvalidNotebookException e)
            {
                console.Out.WriteLine($"    not run: {e.Problem}");
                rows.Add(SummaryRow.NotRun(relative));
                failures.Add(e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The runner reports kernel failures as cell failures; anything else is a bug or an
                // unwritable output folder. Either way the other notebooks still run and the summary is printed.
                console.Out.WriteLine($"    not run: {e.GetType().Name}: {e.Message}");
                rows.Add(SummaryRow.NotRun(relative));
                failures.Add($"{relative} could not be run: {e}");
            }
        }

        console.Out.WriteLine();
        SummaryTable.Write(console.Out, rows);
        foreach (var failure in failures)
        {
            console.Out.WriteLine();
            console.Out.WriteLine(failure);
        }
        return failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static TimeSpan ParseTimeout(string? text)
    {
        if (text is null) return NotebookRunOptions.DefaultTimeout;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
            && minutes > 0 && minutes <= 24 * 60)
            return TimeSpan.FromMinutes(minutes);
        throw new UsageException($"--timeout must be a number of minutes between 0 and 1440, not '{text}'.");
    }
}
