using System.Diagnostics;
using System.Text;

namespace MlCourse.LearningTests.Support;

/// <summary>
/// The built 'course' program in its own process, on a scratch copy of the repository's skeleton
/// (MLCOURSE_ROOT), so answers go through real stdin and the real .course/ is untouched: either one
/// call (<see cref="Run"/>: all input at once, all output back) or a conversation (<see cref="Start"/>:
/// write a line, read until a line appears, send a signal, read what is left).
/// </summary>
internal sealed class CourseProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _seen = new();
    private readonly Task<string> _error;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(3);

    private CourseProcess(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>A scratch repository: data/SHA256SUMS (how the root is recognised), Week 1's quiz.json and the daily-log template.</summary>
    public static string ScratchRoot()
    {
        var root = Directory.CreateTempSubdirectory("mlcourse-root-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.Copy(Path.Combine(Repo.Root, "data", "SHA256SUMS"), Path.Combine(root, "data", "SHA256SUMS"));
        var week1 = Path.Combine(root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals");
        Directory.CreateDirectory(week1);
        File.Copy(Path.Combine(Repo.Root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals", "quiz.json"), Path.Combine(week1, "quiz.json"));
        File.Copy(Path.Combine(Repo.Root, "daily-log.md"), Path.Combine(root, "daily-log.md"));
        return root;
    }

    public static ProcessStartInfo StartInfo(string root, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "course.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["MLCOURSE_ROOT"] = root;
        return start;
    }

    /// <summary>Runs one command with <paramref name="stdin"/> as its whole input; returns the exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> Run(string root, string stdin, params string[] args)
    {
        using var course = Start(root, args);
        await course._process.StandardInput.WriteAsync(stdin);
        return await course.FinishAsync();
    }

    public static CourseProcess Start(string root, params string[] args) => new(Process.Start(StartInfo(root, args))!);

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
        // A child that never ends (a signal it cannot receive, a hang) fails the test instead of stalling the run.
        using var limit = new CancellationTokenSource(ExitTimeout);
        try
        {
            _seen.Append(await _process.StandardOutput.ReadToEndAsync(limit.Token));
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"'course' did not exit within {ExitTimeout.TotalSeconds:F0} s; the output was:\n{_seen}");
        }
        return (_process.ExitCode, _seen.ToString(), await _error);
    }

    /// <summary>Sends SIGINT, what Ctrl-C in a terminal sends.</summary>
    public void Interrupt() => Process.Start("kill", ["-INT", _process.Id.ToString()])!.WaitForExit();

    /// <summary>SIGKILL to this process alone, as the OOM killer or 'kill -9' does: no handler of its own runs, its children are not touched.</summary>
    public void KillAlone()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
