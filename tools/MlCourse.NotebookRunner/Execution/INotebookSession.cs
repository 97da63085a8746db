namespace MlCourse.NotebookRunner.Execution;

/// <summary>One notebook's kernel: started once, then given the code cells one by one.</summary>
internal interface INotebookSession : IDisposable
{
    /// <summary>Starts the kernel; a failure is a <see cref="KernelSessionException"/> whose message says why.</summary>
    Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one cell, passing its events to <paramref name="collector"/> (a kernel that dies or breaks the
    /// protocol is recorded there as an error). Returns false if the cell was still running after
    /// <paramref name="timeout"/>; the session is then unusable.
    /// </summary>
    Task<bool> RunCellAsync(string code, string kernelName, CellOutputCollector collector, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Kernel extensions loaded from the notebook's packages, where the engine can tell.</summary>
    IReadOnlyList<string> LoadedExtensions { get; }
}

/// <summary>The kernel could not be started or talked to.</summary>
internal sealed class KernelSessionException(string message, Exception? inner = null) : Exception(message, inner);
