using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

// Part of the drill check harness (see CheckList.cs): the entry point of the child program that
// runs a drill's hidden checks against the learner's code. The parent (DrillRunner) reads the
// protocol lines this writes and kills the process if it exceeds its time limit.
namespace DrillHarness;

internal static class HarnessProgram
{
    /// <summary>Every protocol line starts with this, so anything else on stdout is not mistaken for a verdict.</summary>
    public const string Marker = "@@drill ";

    public static int Main()
    {
        // The learner's own Console.Write calls go to stderr, keeping stdout for the protocol.
        var protocol = Console.Out;
        Console.SetOut(Console.Error);

        var define = Assembly.GetExecutingAssembly().GetType("DrillChecks")?.GetMethod("Define", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        if (define is null)
        {
            Write(protocol, new() { ["event"] = "fatal", ["message"] = "the drill's Checks.cs has no static DrillChecks.Define(CheckList)." });
            return 3;
        }
        var checks = new CheckList();
        define.Invoke(null, [checks]);

        foreach (var check in checks.All)
        {
            // "start" is flushed before the check runs, so if the parent has to kill an endless
            // loop it still knows which check was running.
            Write(protocol, new() { ["event"] = "start", ["name"] = check.Name });
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
                result["exception"] = $"{inner.GetType().Name}: {inner.Message}";
                result["where"] = FirstFrame(inner);
            }
            result["ms"] = clock.Elapsed.TotalMilliseconds;
            Write(protocol, result);
        }
        Write(protocol, new() { ["event"] = "done" });
        return 0;
    }

    private static string? FirstFrame(Exception e)
    {
        // The learner's line number, when the compiler gave us one (the parent emits a PDB).
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => f.GetFileLineNumber() > 0);
        return frame is null ? null : $"{Path.GetFileName(frame.GetFileName())} line {frame.GetFileLineNumber()}";
    }

    private static void Write(TextWriter protocol, Dictionary<string, object?> fields)
    {
        protocol.WriteLine(Marker + JsonSerializer.Serialize(fields));
        protocol.Flush();
    }
}
