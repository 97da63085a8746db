using System.Diagnostics;
using Microsoft.DotNet.Interactive.Commands;
using MlCourse.NotebookRunner.Discovery;
using MlCourse.NotebookRunner.Execution;
using MlCourse.NotebookRunner.Notebooks;
using MlCourse.NotebookRunner.Results;

namespace MlCourse.NotebookRunner;

/// <summary>
/// Runs a notebook's code cells in order in a fresh in-process C# kernel, stops at the first
/// failing cell (later cells depend on earlier ones), and optionally writes the notebook back
/// with its outputs in nbformat form.
/// Runs are serialised process-wide: the working directory and environment variables a notebook
/// sees belong to the whole process, so two notebooks cannot run at once.
/// </summary>
public static class NotebookExecutor
{
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    /// <exception cref="InvalidNotebookException">The file is missing or not an nbformat 4 notebook.</exception>
    public static async Task<NotebookRunResult> RunAsync(
        string notebookPath, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        options.Validate();
        var notebook = NotebookFile.Load(notebookPath);

        await OneRunAtATime.WaitAsync(cancellationToken);
        NotebookRunResult result;
        try
        {
            result = await RunLockedAsync(notebook, options, cancellationToken);
        }
        finally
        {
            OneRunAtATime.Release();
        }

        if (options.OutputPath is not null)
            notebook.Save(options.OutputPath);
        return result;
    }

    private static async Task<NotebookRunResult> RunLockedAsync(
        NotebookFile notebook, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + options.Timeout;
        var codeCells = notebook.CodeCells.ToList();
        var ran = new List<CellRunResult>();
        CellFailure? failure = null;
        TimeSpan kernelStart;
        IReadOnlyList<string> extensions;

        var variables = new Dictionary<string, string> { [CourseProfiles.EnvironmentVariable] = options.Profile.ToVariableValue() };
        using (new ProcessEnvironmentScope(Path.GetDirectoryName(notebook.Path)!, variables))
        using (var kernel = new NotebookKernel())
        {
            kernelStart = clock.Elapsed;
            foreach (var cell in codeCells)
            {
                var (cellResult, error, timedOut) = await RunCellAsync(kernel, cell, codeCells.Count, ran.Count + 1,
                    notebook.Path, deadline, clock, options, cancellationToken);
                ran.Add(cellResult);
                if (error is not null)
                {
                    failure = new CellFailure(cell.Number, cell.CodeNumber!.Value, codeCells.Count, cell.SourceHead(), error, timedOut);
                    break;
                }
            }
            extensions = kernel.LoadedExtensions.ToArray();
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
            Duration = clock.Elapsed,
            KernelStartDuration = kernelStart,
            CodeCellCount = codeCells.Count,
            Cells = ran,
            Failure = failure,
            LoadedExtensions = extensions,
        };
    }

    private static async Task<(CellRunResult Result, string? Error, bool TimedOut)> RunCellAsync(
        NotebookKernel kernel, NotebookCell cell, int codeCellCount, int executionCount, string notebookPath,
        TimeSpan deadline, Stopwatch clock, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        int codeNumber = cell.CodeNumber!.Value;
        options.Progress?.Report(new CellProgress(notebookPath, cell.Number, codeNumber, codeCellCount, CellProgressStage.Started));

        var started = clock.Elapsed;
        var collector = new CellOutputCollector(executionCount);
        bool timedOut = false;
        using (kernel.Root.KernelEvents.Subscribe(collector))
        {
            var command = new SubmitCode(cell.Source, cell.KernelName ?? NotebookKernel.CSharpKernelName);
            // Task.Run: a cell that computes without awaiting would otherwise hold this thread
            // and the timeout could never fire.
            var submission = Task.Run(() => kernel.Root.SendAsync(command), CancellationToken.None);
            var remaining = deadline - clock.Elapsed;
            try
            {
                await submission.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken);
            }
            catch (TimeoutException)
            {
                timedOut = true;
                collector.AddRunnerError("Timeout",
                    $"The notebook did not finish within its timeout of {Format(options.Timeout)}: {cell.Label} was still running " +
                    $"after {Format(clock.Elapsed - started)} (the notebook had run {Format(clock.Elapsed)}). " +
                    "Raise the timeout (course run --timeout MINUTES) or make the cell cheaper in the fast profile.");
            }
        }
        if (timedOut)
        {
            // After unsubscribing, so the cancellation's own failure event does not become a second
            // error output. Best effort only: C# script code cannot be interrupted, so a busy cell
            // keeps its thread until it ends by itself.
            _ = kernel.Root.SendAsync(new Cancel());
        }

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
