using System.Diagnostics;
using System.Text.Json;

namespace MlCourse.Learning.Drills;

/// <summary>The verdict on one hidden check, as the child program reported it.</summary>
public sealed record CheckOutcome(string Name, string Inputs, bool Passed, string? Expected, string? Actual, string? Exception, string? Where, double Milliseconds);

/// <summary>What happened when the compiled checks ran in their child process.</summary>
public sealed record CheckRun(
    IReadOnlyList<CheckOutcome> Checks,
    bool TimedOut,
    string? RunningWhenKilled,
    string? Fatal,
    IReadOnlyList<string> LearnerOutput,
    TimeSpan Elapsed)
{
    public bool Passed => !TimedOut && Fatal is null && Checks.Count > 0 && Checks.All(c => c.Passed);
}

/// <summary>
/// Runs a compiled drill check program in a child process, so an endless loop or a crash in the
/// learner's code is killed after a time limit instead of hanging the course tool.
/// </summary>
public static class DrillRunner
{
    private const string Marker = "@@drill ";
    private const int MaxLearnerLines = 40;

    public static async Task<CheckRun> RunAsync(string programFolder, TimeSpan timeLimit)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = programFolder,
        };
        start.ArgumentList.Add(Path.Combine(programFolder, DrillCompiler.ProgramName + ".dll"));
        // The learner's code should not find the course's own settings (e.g. a profile) and behave differently.
        start.Environment.Remove("MLCOURSE_PROFILE");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var protocol = new List<string>();
        var learner = new List<string>();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (protocol) protocol.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (learner) if (learner.Count < MaxLearnerLines) learner.Add(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var limit = new CancellationTokenSource(timeLimit))
        {
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        // WaitForExit without a timeout also waits for the redirected streams to be drained.
        process.WaitForExit();
        clock.Stop();

        lock (protocol) lock (learner)
            return Interpret(protocol, learner, timedOut, process.ExitCode, clock.Elapsed);
    }

    private static CheckRun Interpret(List<string> lines, List<string> learnerOutput, bool timedOut, int exitCode, TimeSpan elapsed)
    {
        var checks = new List<CheckOutcome>();
        string? running = null, fatal = null;
        var done = false;
        foreach (var line in lines)
        {
            if (!line.StartsWith(Marker, StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(line[Marker.Length..]);
            var e = json.RootElement;
            string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            switch (Text("event"))
            {
                case "start": running = Text("name"); break;
                case "result":
                    checks.Add(new CheckOutcome(Text("name")!, Text("inputs") ?? "", e.GetProperty("passed").GetBoolean(),
                        Text("expected"), Text("actual"), Text("exception"), Text("where"), e.GetProperty("ms").GetDouble()));
                    running = null;
                    break;
                case "fatal": fatal = Text("message"); break;
                case "done": done = true; break;
            }
        }
        // A crash that no try/catch can stop (stack overflow, Environment.Exit) ends the child early.
        if (!timedOut && fatal is null && !done)
            fatal = running is null
                ? $"the check program stopped unexpectedly (exit code {exitCode})."
                : $"the check program crashed during '{running}' (exit code {exitCode}); a stack overflow from endless recursion does this.";
        return new CheckRun(checks, timedOut, timedOut ? running : null, fatal, learnerOutput, elapsed);
    }

    /// <summary>The 'dotnet' that runs this process, found from the shared framework's folder.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(frameworkFolder, "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
