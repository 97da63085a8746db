using System.Diagnostics;
using System.Text;

namespace MlCourse.NotebookRunner.Export;

/// <summary>What one <c>dotnet run --file</c> did: exit code, both streams, wall time (build included).</summary>
public sealed record AppRunResult(string AppPath, int? ExitCode, string Output, string Error, TimeSpan Duration, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The app, how it ended, and everything it and the build printed: enough to fix it.</summary>
    public string Describe()
    {
        var ending = TimedOut ? $"did not finish within {Duration.TotalSeconds:0} s and was stopped"
            : ExitCode == 0 ? "succeeded" : $"failed with exit code {ExitCode}";
        var text = new StringBuilder($"{AppPath} {ending} ({Duration.TotalSeconds:0.0} s).");
        if (Output.Length > 0) text.Append("\n--- stdout ---\n").Append(Output.TrimEnd());
        if (Error.Length > 0) text.Append("\n--- stderr ---\n").Append(Error.TrimEnd());
        return text.ToString();
    }
}

/// <summary>
/// Builds and runs an exported app in a child process, as a learner would: <c>dotnet run --file APP</c>
/// (the SDK restores, builds into its own cache folder under the user profile, and runs). The
/// environment is inherited, MLCOURSE_PROFILE included.
/// </summary>
public static class FileBasedAppRun
{
    public static async Task<AppRunResult> RunAsync(string appPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appPath);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var fullPath = Path.GetFullPath(appPath);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"There is no app at {fullPath}; export the notebook first.", fullPath);

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(fullPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["run", "--file", fullPath])
            start.ArgumentList.Add(argument);
        // Build nodes that outlive the run would inherit the output pipes and keep them open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        var readOutput = Drain(process.StandardOutput, output);
        var readError = Drain(process.StandardError, error);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        // A grandchild (a compiler server) may still hold the pipes; take what arrived by then.
        await Task.WhenAny(Task.WhenAll(readOutput, readError), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        clock.Stop();
        lock (output) lock (error)
            return new AppRunResult(fullPath, timedOut ? null : process.ExitCode, output.ToString(), error.ToString(), clock.Elapsed, timedOut);
    }

    private static async Task Drain(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
            lock (into) into.Append(buffer, 0, read);
    }

    /// <summary>The dotnet host running this process (tests and the CLI run under it), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return current;
        return "dotnet";
    }
}
