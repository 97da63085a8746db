using System.Diagnostics;
using System.Text;

namespace MlCourse.LearningTests.Support;

/// <summary>
/// The built 'course' program in its own process on a scratch repository (MLCOURSE_ROOT), for
/// conversations: write a line, read until a line appears, send a signal, read what is left.
/// </summary>
internal sealed class CourseConversation : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _seen = new();
    private readonly Task<string> _error;

    private CourseConversation(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
    }

    public static CourseConversation Start(string root, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "course.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["MLCOURSE_ROOT"] = root;
        return new CourseConversation(Process.Start(start)!);
    }

    public int Id => _process.Id;

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Reads output lines until one contains <paramref name="text"/>; returns that line (fails after 90 s or at the end of output).</summary>
    public async Task<string> ReadUntilAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            _seen.AppendLine(line);
            if (line.Contains(text, StringComparison.Ordinal)) return line;
        }
        throw new Xunit.Sdk.XunitException($"'{text}' never appeared; the output was:\n{_seen}\nstderr:\n{await _error}");
    }

    /// <summary>Closes stdin (or not), waits for the exit, and returns the exit code with all output seen and stderr.</summary>
    public async Task<(int ExitCode, string Output, string Error)> FinishAsync(bool closeInput = true)
    {
        if (closeInput) _process.StandardInput.Close();
        _seen.Append(await _process.StandardOutput.ReadToEndAsync());
        await _process.WaitForExitAsync();
        return (_process.ExitCode, _seen.ToString(), await _error);
    }

    /// <summary>Sends SIGINT, what Ctrl-C in a terminal sends.</summary>
    public void Interrupt() => Process.Start("kill", ["-INT", _process.Id.ToString()])!.WaitForExit();

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
