using Microsoft.DotNet.Interactive.Commands;

namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// <see cref="NotebookEngine.InProcess"/>: a <see cref="NotebookKernel"/> in this process, with the working
/// directory and environment variables set process-wide for the length of the run (so the caller must
/// run one such session at a time).
/// </summary>
internal sealed class InProcessSession(string workingDirectory, IReadOnlyDictionary<string, string> variables) : INotebookSession
{
    private ProcessEnvironmentScope? _scope;
    private NotebookKernel? _kernel;

    public IReadOnlyList<string> LoadedExtensions => _kernel?.LoadedExtensions ?? [];

    public Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _scope = new ProcessEnvironmentScope(workingDirectory, variables);
        _kernel = new NotebookKernel();
        return Task.CompletedTask;
    }

    public async Task<bool> RunCellAsync(string code, string kernelName, CellOutputCollector collector, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var kernel = _kernel ?? throw new InvalidOperationException("StartAsync was not called.");
        bool timedOut = false;
        using (kernel.Root.KernelEvents.Subscribe(collector))
        {
            var command = new SubmitCode(code, kernelName);
            // Task.Run: a cell that computes without awaiting would otherwise hold this thread
            // and the timeout could never fire.
            var submission = Task.Run(() => kernel.Root.SendAsync(command), CancellationToken.None);
            try
            {
                await submission.WaitAsync(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, cancellationToken);
            }
            catch (TimeoutException)
            {
                timedOut = true;
            }
        }
        if (timedOut)
        {
            // After unsubscribing, so the cancellation's own failure event does not become a second
            // error output. Best effort only: C# script code cannot be interrupted in a process, so a
            // busy cell keeps its thread until it ends by itself (the kernel engine kills its process).
            _ = kernel.Root.SendAsync(new Cancel());
        }
        return !timedOut;
    }

    public void Dispose()
    {
        _kernel?.Dispose();
        _scope?.Dispose();
    }
}
