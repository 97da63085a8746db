using MlCourse.Learning.Drills;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Drills;

/// <summary>
/// The whole check path (Roslyn compile, child process, protocol) on the real Week 1 drill:
/// the reference passes, and each kind of wrong solution fails the way the learner should see.
/// </summary>
public class DrillCheckTests
{
    private static Task<DrillCheckReport> Check(string file, double seconds = 20) =>
        DrillChecker.CheckAsync(Repo.Week01Drill, file, TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task The_reference_solution_passes_every_check()
    {
        var report = await Check(Repo.Week01Drill.ReferencePath);
        Assert.Empty(report.CompileErrors);
        Assert.True(report.Passed, string.Join("\n", report.Run!.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Actual} {c.Exception}")) + report.Run.Fatal);
        Assert.Equal(9, report.Run.Checks.Count);
    }

    [Fact]
    public async Task The_stub_compiles_and_fails_every_check_with_NotImplementedException()
    {
        var report = await Check(Repo.Week01Drill.StubPath);
        Assert.Empty(report.CompileErrors);
        Assert.False(report.Passed);
        Assert.All(report.Run!.Checks, c => Assert.False(c.Passed));
        Assert.Contains(report.Run.Checks, c => c.Exception?.StartsWith("NotImplementedException") == true);
    }

    [Fact]
    public async Task A_solution_without_the_intercept_fails_with_inputs_expected_and_actual()
    {
        var report = await Check(Repo.Fixture("Wrong/week-01-linear-regression.cs"));
        var run = report.Run!;
        Assert.False(report.Passed);
        var gd = run.Checks.Single(c => c.Name == "gradient descent converges to the exact line");
        Assert.False(gd.Passed);
        Assert.Contains("lr = 0.1", gd.Inputs);
        Assert.StartsWith("[2, 0.5, -1, -1]", gd.Expected);
        // The fixture never moves b from 0, so the fourth value printed is exactly 0.
        Assert.EndsWith(", 0]", gd.Actual);
        // Predict is right in the fixture, and collinear features are not even looked at: that check fails too.
        Assert.False(run.Checks.Single(c => c.Name.StartsWith("collinear")).Passed);
    }

    [Fact]
    public async Task Compile_errors_are_reported_with_the_learners_line_number()
    {
        var file = Repo.Fixture("CompileError.cs");
        var report = await Check(file);
        Assert.Null(report.Run);
        var error = Assert.Single(report.CompileErrors);
        Assert.Equal("CS1002", error.Id);              // ; expected
        Assert.Equal(file, error.File);
        Assert.Equal(20, error.Line);                  // the line "W = new double[X[0].Length]"
        Assert.False(error.InChecks);
    }

    [Fact]
    public async Task A_changed_signature_is_reported_as_an_error_in_the_hidden_checks()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("mlcourse-test-").FullName, "Renamed.cs");
        File.WriteAllText(file, File.ReadAllText(Repo.Week01Drill.ReferencePath).Replace("FitGradientDescent", "FitGd"));
        var report = await Check(file);
        Assert.NotEmpty(report.CompileErrors);
        Assert.All(report.CompileErrors, e => Assert.True(e.InChecks));
        Assert.Contains(report.CompileErrors, e => e.Message.Contains("FitGradientDescent"));
    }

    [Fact]
    public async Task Exceptions_are_reported_per_check_with_type_message_and_line()
    {
        var report = await Check(Repo.Fixture("Throws.cs"));
        var run = report.Run!;
        Assert.Null(run.Fatal);
        var gd = run.Checks.Single(c => c.Name == "gradient descent converges to the exact line");
        Assert.Equal("ArgumentException: learning rate too small for this drill", gd.Exception);
        var predict = run.Checks.Single(c => c.Name == "Predict uses the weights and the intercept");
        Assert.StartsWith("IndexOutOfRangeException", predict.Exception);
        Assert.Equal("Throws.cs line 33", predict.Where);   // "return B + x[W.Length];"
    }

    [Fact]
    public async Task An_endless_loop_is_killed_at_the_time_limit_and_the_running_check_named()
    {
        var report = await Check(Repo.Fixture("EndlessLoop.cs"), seconds: 3);
        var run = report.Run!;
        Assert.True(run.TimedOut);
        Assert.False(report.Passed);
        Assert.Equal("closed form recovers an exact line (w0, w1, b)", run.RunningWhenKilled);
        // Killed at the limit, not at the end of the loop (never): timers may fire slightly early, hence 2.5.
        Assert.InRange(run.Elapsed.TotalSeconds, 2.5, 15);
    }
}
