using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.DotNet.Interactive.Connection;

namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// <see cref="NotebookEngine.Kernel"/>: one <c>dotnet dotnet-interactive stdio</c> process for one notebook,
/// the engine VS Code and Jupyter start. Each cell is a <c>SubmitCode</c> command, one JSON line on stdin; the
/// kernel answers with one JSON event per stdout line (other lines, such as the start banner, are skipped).
/// A cell ends with the <c>CommandSucceeded</c> or <c>CommandFailed</c> carrying exactly its token; events of
/// its child commands (token "T3.1", e.g. the submissions a <c>#r "nuget:"</c> makes) belong to it too.
/// The process is killed with its whole tree when the session ends or a cell times out: the tool does not exit
/// when its stdin closes, and a running C# cell cannot be interrupted any other way.
/// </summary>
internal sealed class KernelProcessSession(string repositoryRoot, string workingDirectory, IReadOnlyDictionary<string, string> variables)
    : INotebookSession
{
    /// <summary>Lines of the kernel's stderr kept for the message when it dies.</summary>
    private const int StderrLinesKept = 40;

    private readonly Channel<string> _stdoutLines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<string> _stderrTail = new();
    private Process? _process;
    private int _commandNumber;

    public IReadOnlyList<string> LoadedExtensions => [];

    /// <summary>The kernel's process id while it runs (the one `dotnet` started), for tests that check it is gone.</summary>
    public int? ProcessId { get; private set; }

    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await KernelTool.EnsureRestoredAsync(repositoryRoot).WaitAsync(cancellationToken);
        var start = new ProcessStartInfo("dotnet")
        {
            // From the repository, so `dotnet` finds the tool manifest; the kernel itself works in the notebook's folder.
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in KernelTool.StdioArguments(workingDirectory))
            start.ArgumentList.Add(argument);
        KernelTool.SetQuietEnvironment(start);
        foreach (var (name, value) in variables)
            start.Environment[name] = value;

        try
        {
            _process = Process.Start(start) ?? throw new KernelSessionException("`dotnet dotnet-interactive stdio` did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KernelSessionException($"Could not start `dotnet`: {e.Message}", e);
        }
        ProcessId = _process.Id;
        _process.StandardInput.AutoFlush = true;
        _ = PumpStdoutAsync(_process);
        _ = PumpStderrAsync(_process);

        // KernelReady comes first; waiting for it keeps the start time out of the first cell's time.
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        try
        {
            while (true)
            {
                var line = await NextLineAsync(timer.Token);
                if (line is null)
                    throw new KernelSessionException($"The kernel exited before it was ready{ExitDescription()}.");
                if (EventType(line) == "KernelReady") return;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new KernelSessionException($"The kernel was not ready within {NotebookExecutor.Format(timeout)}{ExitDescription()}.");
        }
    }

    public async Task<bool> RunCellAsync(string code, string kernelName, CellOutputCollector collector, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException("StartAsync was not called.");
        var token = $"cell-{++_commandNumber}";
        var command = new JsonObject
        {
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = kernelName },
            ["token"] = token,
        };
        try
        {
            await process.StandardInput.WriteLineAsync(command.ToJsonString().AsMemory(), cancellationToken);
        }
        catch (IOException e)
        {
            collector.AddRunnerError("KernelExited", $"The kernel could not be sent the cell: {e.Message}{ExitDescription()}.");
            return true;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        try
        {
            while (true)
            {
                var line = await NextLineAsync(timer.Token);
                if (line is null)
                {
                    collector.AddRunnerError("KernelExited", $"The kernel process ended while the cell ran{ExitDescription()}.");
                    return true;
                }
                if (Route(line, token, collector)) return true;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            return false;
        }
    }

    /// <summary>Passes one event line to the collector if it belongs to the cell; true when it ends the cell.</summary>
    private static bool Route(string line, string token, CellOutputCollector collector)
    {
        JsonNode? json;
        try { json = JsonNode.Parse(line); }
        catch (JsonException e)
        {
            collector.AddRunnerError("ProtocolError", $"The kernel wrote a line that is not JSON ({e.Message}): {Shorten(line)}");
            return true;
        }
        var eventToken = (string?)json?["command"]?["token"];
        if (eventToken is null || !(eventToken == token || eventToken.StartsWith(token + ".", StringComparison.Ordinal)))
            return false;

        var eventType = (string?)json!["eventType"];
        bool ends = eventToken == token && eventType is "CommandSucceeded" or "CommandFailed";
        try
        {
            collector.OnNext(KernelEventEnvelope.Deserialize(line).Event);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NotSupportedException or KeyNotFoundException)
        {
            // An event type this client's library does not know: only a failure must not be lost.
            if (eventType == "CommandFailed")
                collector.AddRunnerError("Error", (string?)json["event"]?["message"] ?? Shorten(line));
        }
        return ends;
    }

    private async Task<string?> NextLineAsync(CancellationToken cancellationToken)
    {
        while (await _stdoutLines.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_stdoutLines.Reader.TryRead(out var line) && line.StartsWith('{'))
                return line;
        }
        return null;
    }

    private async Task PumpStdoutAsync(Process process)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
                await _stdoutLines.Writer.WriteAsync(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process was killed; the end of the channel tells the reader.
        }
        finally
        {
            _stdoutLines.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync(Process process)
    {
        try
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
                lock (_stderrTail)
                {
                    _stderrTail.Enqueue(line);
                    if (_stderrTail.Count > StderrLinesKept) _stderrTail.Dequeue();
                }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    /// <summary>", exit code 134; its stderr ended with: ..." once the process has ended, else "".</summary>
    private string ExitDescription()
    {
        var text = new StringBuilder();
        if (_process is { } p && p.WaitForExit(2000))
        {
            p.WaitForExit(); // lets the stderr pump finish
            text.Append($" (exit code {p.ExitCode})");
        }
        lock (_stderrTail)
        {
            if (_stderrTail.Count > 0)
                text.Append("; the kernel's stderr ended with:\n").AppendJoin('\n', _stderrTail);
        }
        return text.ToString();
    }

    private static string? EventType(string line)
    {
        try { return (string?)JsonNode.Parse(line)?["eventType"]; }
        catch (JsonException) { return null; }
    }

    private static string Shorten(string line) => line.Length <= 300 ? line : line[..300] + " ...";

    /// <summary>
    /// Kills `dotnet` and the kernel it started, and waits until both are gone: the signal is sent at once, but a
    /// busy kernel takes a moment to die, and the next notebook should not compete with it for the two cores.
    /// </summary>
    private void Kill()
    {
        if (_process is null) return;
        var tree = ProcessTree.Descendants(_process.Id);
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        ProcessTree.WaitUntilGone(tree, TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }
}
