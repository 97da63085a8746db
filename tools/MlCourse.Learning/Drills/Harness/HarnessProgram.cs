using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

// Part of the drill check harness (see CheckList.cs): the entry point of the child program that
// runs a drill's hidden checks against the learner's code. The parent (DrillRunner) reads the
// protocol lines this writes and kills the process if it exceeds its time limit.
namespace DrillHarness;

internal static class HarnessProgram
{
    /// <summary>Every protocol line starts with this and the run's nonce, so nothing else on stdout is taken for a verdict.</summary>
    public const string Marker = "@@drill ";

    public static int Main()
    {
        // The parent's first line on stdin is this run's nonce: a protocol line without it is not ours,
        // so learner code that prints "@@drill ... passed" (even to the real stdout) cannot fake a verdict.
        // Then stdin stays open as long as the parent lives; its end means the parent died (even by SIGKILL).
        var input = new StreamReader(Console.OpenStandardInput());
        var prefix = Marker + (input.ReadLine() ?? "") + " ";
        Console.SetIn(TextReader.Null);
        var protocol = Console.Out;
        // The learner's own Console.Write calls go to stderr, keeping stdout for the protocol.
        Console.SetOut(Console.Error);
        ParentWatch.Start(input);

        var define = Assembly.GetExecutingAssembly().GetType("DrillChecks")?.GetMethod("Define", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        if (define is null)
        {
            Write(protocol, prefix, new() { ["event"] = "fatal", ["message"] = "the drill's Checks.cs has no static DrillChecks.Define(CheckList)." });
            return 3;
        }
        var checks = new CheckList();
        define.Invoke(null, [checks]);
        Write(protocol, prefix, new() { ["event"] = "plan", ["names"] = checks.All.Select(c => c.Name).ToArray() });

        // Environment.Exit in the learner's code runs this; a stack overflow runs nothing, so the parent can tell them apart.
        var finished = false;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { if (!finished) Write(protocol, prefix, new() { ["event"] = "exit" }); };

        foreach (var check in checks.All)
        {
            // "start" is flushed before the check runs, so if the parent has to kill an endless
            // loop it still knows which check was running.
            Write(protocol, prefix, new() { ["event"] = "start", ["name"] = check.Name });
            var clock = Stopwatch.StartNew();
            var result = new Dictionary<string, object?> { ["event"] = "result", ["name"] = check.Name, ["inputs"] = check.Inputs };
            try
            {
                var verdict = check.Run();
                result["passed"] = verdict.Passed;
                result["expected"] = verdict.Expected;
                result["actual"] = verdict.Actual;
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
                result["passed"] = false;
                result["exception"] = inner is OutOfMemoryException
                    ? $"OutOfMemoryException: the code needed more than the {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >> 20} MB of memory a drill may use (memory that grows without bound?)"
                    : $"{inner.GetType().Name}: {inner.Message}";
                result["where"] = FirstFrame(inner);
            }
            result["ms"] = clock.Elapsed.TotalMilliseconds;
            Write(protocol, prefix, result);
        }
        finished = true;
        Write(protocol, prefix, new() { ["event"] = "done" });
        return 0;
    }

    private static string? FirstFrame(Exception e)
    {
        // The learner's line number, when the compiler gave us one (the parent emits a PDB).
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => f.GetFileLineNumber() > 0);
        return frame is null ? null : $"{Path.GetFileName(frame.GetFileName())} line {frame.GetFileLineNumber()}";
    }

    private static void Write(TextWriter protocol, string prefix, Dictionary<string, object?> fields)
    {
        lock (protocol)
        {
            protocol.WriteLine(prefix + JsonSerializer.Serialize(fields));
            protocol.Flush();
        }
    }
}
