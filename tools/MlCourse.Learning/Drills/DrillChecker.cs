namespace MlCourse.Learning.Drills;

/// <summary>The outcome of <c>course drill check</c>: compile errors, or the checks' verdicts.</summary>
public sealed record DrillCheckReport(IReadOnlyList<CompileError> CompileErrors, CheckRun? Run, TimeSpan CompileTime)
{
    public bool Passed => CompileErrors.Count == 0 && Run is { Passed: true };
}

/// <summary>Compiles a solution with a drill's hidden checks and runs them in a child process.</summary>
public static class DrillChecker
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    public static async Task<DrillCheckReport> CheckAsync(Drill drill, string solutionFile, TimeSpan timeLimit)
    {
        // What an earlier check killed by SIGKILL left behind (its owner gone), then a fresh folder of our own.
        DrillTempFolders.RemoveStale();
        var folder = DrillTempFolders.Create();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var errors = DrillCompiler.Compile(solutionFile, drill.ChecksPath, folder.FullName);
            var compileTime = clock.Elapsed;
            if (errors.Count > 0) return new DrillCheckReport(errors, null, compileTime);
            return new DrillCheckReport([], await DrillRunner.RunAsync(folder.FullName, timeLimit), compileTime);
        }
        finally
        {
            DrillTempFolders.Delete(folder);
        }
    }
}
