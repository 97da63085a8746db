using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace MlCourse.Learning.Drills;

/// <summary>The verdict on one hidden check, as the child program reported it.</summary>
public sealed record CheckOutcome(string Name, string Inputs, bool Passed, string? Expected, string? Actual, string? Exception, string? Where, double Milliseconds);

/// <summary>What happened when the compiled checks ran in their child process.</summary>
/// <param name="Planned">Every check's name, in order, as the program announced them before running any.</param>
/// <param name="OutputCut">"" when the learner's output is shown whole, otherwise what was cut, in words.</param>
public sealed record CheckRun(
    IReadOnlyList<string> Planned,
    IReadOnlyList<CheckOutcome> Checks,
    bool TimedOut,
    string? RunningWhenKilled,
    string? Fatal,
    IReadOnlyList<string> LearnerOutput,
    string OutputCut,
    TimeSpan Elapsed)
{
    /// <summary>How many checks the drill has; those a crash or the time limit stopped count as not passed.</summary>
    public int Total => Math.Max(Planned.Count, Checks.Count);

    public int PassedCount => Checks.Count(c => c.Passed);

    /// <summary>Checks that never reported: the one killed or crashed and those after it.</summary>
    public IReadOnlyList<string> NotRun => [.. Planned.Where(p => Checks.All(c => c.Name != p))];

    public bool Passed => !TimedOut && Fatal is null && Checks.Count > 0 && Checks.Count == Total && Checks.All(c => c.Passed);
}

/// <summary>
/// Runs a compiled drill check program in a child process, so an endless loop, a crash or runaway
/// memory in the learner's code is stopped (time limit, memory cap) instead of hanging the course tool.
/// </summary>
public static class DrillRunner
{
    private const string Marker = "@@drill ";

    /// <summary>The GC heap cap of the check program: far above what a drill needs, far below what hurts the machine.</summary>
    public const long MemoryCapBytes = 256L << 20;

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
        // An allocation without bound meets an OutOfMemoryException at the cap instead of filling the machine.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + MemoryCapBytes.ToString("X");
        start.Environment["DOTNET_gcServer"] = "0";

        // A fresh nonce per run: only protocol lines carrying it are verdicts (see HarnessProgram).
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var protocol = new List<string>();
        var learner = new LearnerOutput();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data.StartsWith(Marker + nonce + " ", StringComparison.Ordinal)) lock (protocol) protocol.Add(e.Data[(Marker.Length + nonce.Length + 1)..]);
            else learner.Add(e.Data);   // written to the real stdout by the learner's code: output, never a verdict
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) learner.Add(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // stdin stays open while this process lives: the child takes its end as our death (ParentWatch).
            await process.StandardInput.WriteLineAsync(nonce);
            await process.StandardInput.FlushAsync();
        }
        catch (IOException) { /* the child is already gone; its exit code tells the story */ }

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

        lock (protocol)
            return Interpret(protocol, learner, timedOut, process.ExitCode, clock.Elapsed);
    }

    private static CheckRun Interpret(List<string> lines, LearnerOutput learner, bool timedOut, int exitCode, TimeSpan elapsed)
    {
        var planned = new List<string>();
        var checks = new List<CheckOutcome>();
        string? running = null, fatal = null;
        bool done = false, exited = false;
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            switch (Text("event"))
            {
                case "plan": planned.AddRange(e.GetProperty("names").EnumerateArray().Select(n => n.GetString()!)); break;
                case "start": running = Text("name"); break;
                case "result":
                    checks.Add(new CheckOutcome(Text("name")!, Text("inputs") ?? "", e.GetProperty("passed").GetBoolean(),
                        Text("expected"), Text("actual"), Text("exception"), Text("where"), e.GetProperty("ms").GetDouble()));
                    running = null;
                    break;
                case "fatal": fatal = Text("message"); break;
                case "exit": exited = true; break;
                case "done": done = true; break;
            }
        }
        // A crash that no try/catch can stop ends the child early: say which kind, from what the child could still tell.
        if (!timedOut && fatal is null && !done)
        {
            var during = running is null ? "" : $" during '{running}'";
            fatal = exited ? $"the code ended the check program{during} (Environment.Exit or similar, exit code {exitCode}); the checks after it did not run."
                : learner.SawStackOverflow ? $"stack overflow{during}: endless recursion? The check program crashed (exit code {exitCode})."
                : learner.SawOutOfMemory ? $"out of memory{during}: the code needed more than the {MemoryCapBytes >> 20} MB a drill may use (exit code {exitCode})."
                : $"the check program stopped unexpectedly{during} (exit code {exitCode}).";
        }
        return new CheckRun(planned, checks, timedOut, timedOut ? running : null, fatal, learner.Lines, learner.CutNote(), elapsed);
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
