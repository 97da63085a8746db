using System.Diagnostics;
using MlCourse.NotebookRunner.Discovery;
using MlCourse.NotebookRunner.Execution;
using MlCourse.NotebookRunner.Notebooks;
using MlCourse.NotebookRunner.Results;

namespace MlCourse.NotebookRunner;

/// <summary>
/// Runs a notebook's code cells in order in a fresh kernel (<see cref="NotebookRunOptions.Engine"/>: the
/// dotnet-interactive tool in its own process, or a kernel in this process), stops at the first failing cell
/// (later cells depend on earlier ones), and optionally writes the notebook back with its outputs in nbformat form.
/// Any failure of the kernel itself (it does not start, dies, breaks the protocol) is reported as the failure of
/// the cell it happened in, never thrown. In-process runs are serialised: the working directory and environment
/// variables a notebook sees belong to the whole process.
/// </summary>
public static class NotebookExecutor
{
    private static readonly SemaphoreSlim OneInProcessRunAtATime = new(1, 1);

    /// <exception cref="InvalidNotebookException">The file is missing or not an nbformat 4 notebook.</exception>
    public static async Task<NotebookRunResult> RunAsync(
        string notebookPath, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        options.Validate();
        var notebook = NotebookFile.Load(notebookPath);

        var serialise = options.Engine == NotebookEngine.InProcess;
        if (serialise) await OneInProcessRunAtATime.WaitAsync(cancellationToken);
        NotebookRunResult result;
        try
        {
            result = await RunNotebookAsync(notebook, options, cancellationToken);
        }
        finally
        {
            if (serialise) OneInProcessRunAtATime.Release();
        }

        if (options.OutputPath is not null)
            notebook.Save(options.OutputPath);
        return result;
    }

    private static INotebookSession CreateSession(NotebookFile notebook, NotebookRunOptions options)
    {
        var folder = Path.GetDirectoryName(notebook.Path)!;
        var variables = new Dictionary<string, string> { [CourseProfiles.EnvironmentVariable] = options.Profile.ToVariableValue() };
        return options.Engine switch
        {
            NotebookEngine.InProcess => new InProcessSession(folder, variables),
            _ => new KernelProcessSession(RepositoryRoot.TryFind(folder) ?? RepositoryRoot.Find(), folder, variables),
        };
    }

    private static async Task<NotebookRunResult> RunNotebookAsync(
        NotebookFile notebook, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + options.Timeout;
        var codeCells = notebook.CodeCells.ToList();
        var ran = new List<CellRunResult>();
        CellFailure? failure = null;
        TimeSpan kernelStart;
        IReadOnlyList<string> extensions;

        using (var session = CreateSession(notebook, options))
        {
            string? startError = null;
            try
            {
                await session.StartAsync(deadline - clock.Elapsed, cancellationToken);
            }
            catch (KernelSessionException e)
            {
                startError = $"The notebook kernel did not start: {e.Message}";
            }
            kernelStart = clock.Elapsed;

            if (startError is not null && codeCells.Count > 0)
            {
                var first = codeCells[0];
                var collector = new CellOutputCollector(1);
                collector.AddRunnerError("KernelStartFailed", startError);
                first.SetExecution(collector.Outputs, 1);
                ran.Add(new CellRunResult(first.Number, first.CodeNumber!.Value, false, TimeSpan.Zero, 1));
                failure = new CellFailure(first.Number, first.CodeNumber.Value, codeCells.Count, first.SourceHead(), startError, TimedOut: false);
            }
            else if (startError is null)
            {
                foreach (var cell in codeCells)
                {
                    var (cellResult, error, timedOut) = await RunCellAsync(session, cell, codeCells.Count, ran.Count + 1,
                        notebook.Path, deadline, clock, options, cancellationToken);
                    ran.Add(cellResult);
                    if (error is not null)
                    {
                        failure = new CellFailure(cell.Number, cell.CodeNumber!.Value, codeCells.Count, cell.SourceHead(), error, timedOut);
                        break;
                    }
                }
            }
            extensions = session.LoadedExtensions.ToArray();
        }

        // Cells after a failure did not run; their committed (cleared) state is what the copy shows.
        foreach (var cell in codeCells.Skip(ran.Count))
            cell.SetExecution([], null);

        return new NotebookRunResult
        {
            NotebookPath = notebook.Path,
            DisplayPath = DisplayPathOf(notebook.Path),
            OutputPath = options.OutputPath is null ? null : Path.GetFullPath(options.OutputPath),
            Profile = options.Profile,
            Engine = options.Engine,
            Duration = clock.Elapsed,
            KernelStartDuration = kernelStart,
            CodeCellCount = codeCells.Count,
            Cells = ran,
            Failure = failure,
            LoadedExtensions = extensions,
        };
    }

    private static async Task<(CellRunResult Result, string? Error, bool TimedOut)> RunCellAsync(
        INotebookSession session, NotebookCell cell, int codeCellCount, int executionCount, string notebookPath,
        TimeSpan deadline, Stopwatch clock, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        int codeNumber = cell.CodeNumber!.Value;
        options.Progress?.Report(new CellProgress(notebookPath, cell.Number, codeNumber, codeCellCount, CellProgressStage.Started));

        var started = clock.Elapsed;
        var collector = new CellOutputCollector(executionCount);
        bool finished = await session.RunCellAsync(cell.Source, cell.KernelName ?? NotebookKernel.CSharpKernelName, collector,
            deadline - clock.Elapsed, cancellationToken);
        bool timedOut = !finished;
        if (timedOut)
            collector.AddRunnerError("Timeout",
                $"The notebook did not finish within its timeout of {Format(options.Timeout)}: {cell.Label} was still running " +
                $"after {Format(clock.Elapsed - started)} (the notebook had run {Format(clock.Elapsed)}). " +
                "Raise the timeout (course run --timeout MINUTES) or make the cell cheaper in the fast profile.");

        var duration = clock.Elapsed - started;
        var errors = collector.Errors;
        var outputs = collector.Outputs;
        cell.SetExecution(outputs, executionCount);
        var error = errors.Count == 0 ? null : string.Join("\n", errors);
        options.Progress?.Report(new CellProgress(notebookPath, cell.Number, codeNumber, codeCellCount,
            CellProgressStage.Finished, duration, error is null));
        return (new CellRunResult(cell.Number, codeNumber, error is null, duration, outputs.Count), error, timedOut);
    }

    private static string DisplayPathOf(string path)
    {
        var root = RepositoryRoot.TryFind(Path.GetDirectoryName(path)!);
        return root is null ? path : Path.GetRelativePath(root, path).Replace('\\', '/');
    }

    internal static string Format(TimeSpan t) =>
        t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds} s" : $"{t.TotalSeconds:0.0} s";
}
