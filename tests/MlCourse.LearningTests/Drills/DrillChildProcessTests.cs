using System.Diagnostics;
using MlCourse.Learning.Drills;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Drills;

/// <summary>
/// The check program as an untrusted child process: it cannot fake a verdict, it meets a memory cap, its
/// output is cut visibly, a crash is named for what it was, and it dies with the course tool, folder and all.
/// </summary>
public class DrillChildProcessTests
{
    private const string Singular = "throw new InvalidOperationException(\"XᵀX is singular: features are collinear.\");";

    private static Task<DrillCheckReport> Check(string file, double seconds = 30) =>
        DrillChecker.CheckAsync(Repo.Week01Drill, file, TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task Protocol_lines_printed_by_the_learners_code_do_not_fake_a_pass()
    {
        var report = await Check(Repo.Fixture("FakesPass.cs"));
        var run = report.Run!;
        Assert.False(report.Passed);
        Assert.Empty(run.Checks);                                   // no verdict taken from the fake lines
        Assert.Equal(9, run.Total);                                 // the real plan came before the learner's code ran
        Assert.Contains("Environment.Exit", run.Fatal);
        Assert.Contains(run.LearnerOutput, l => l.StartsWith("@@drill {\"event\":\"done\"}"));   // shown as output, for what it is
    }

    [Fact]
    public async Task Memory_that_grows_without_bound_meets_the_cap_with_a_clear_message_and_the_other_checks_run()
    {
        var report = await Check(Repo.Fixture("AllocatesWithoutBound.cs"));
        var run = report.Run!;
        Assert.Null(run.Fatal);
        Assert.Equal(9, run.Checks.Count);
        var closedForm = run.Checks.First();
        Assert.StartsWith("OutOfMemoryException: the code needed more than the 256 MB of memory a drill may use", closedForm.Exception);
        // Also where the check expects another exception: running out of memory is reported as itself.
        Assert.StartsWith("OutOfMemoryException: the code needed more than the 256 MB", run.Checks.Single(c => c.Name.StartsWith("collinear")).Exception);
        // A check that does not call the closed form runs normally afterwards: the memory was given back.
        var gradientDescent = run.Checks.Single(c => c.Name == "gradient descent converges to the exact line");
        Assert.Null(gradientDescent.Exception);
        Assert.Equal("[0, 0, 0, 0]", gradientDescent.Actual);
    }

    [Fact]
    public async Task Environment_Exit_is_reported_as_such_with_the_checks_it_stopped()
    {
        // A plausible habit from console programs: print and exit instead of throwing.
        var file = Repo.Mutated(Repo.Week01Drill.ReferencePath, (Singular, "{ Console.WriteLine(\"singular matrix\"); Environment.Exit(1); }"));
        var run = (await Check(file)).Run!;
        Assert.Equal("the code ended the check program during 'collinear features are refused with InvalidOperationException' (Environment.Exit or similar, exit code 1); the checks after it did not run.", run.Fatal);
        Assert.DoesNotContain("stack overflow", run.Fatal);
        Assert.Equal(9, run.Total);
        Assert.Equal(7, run.PassedCount);
        Assert.Equal(["collinear features are refused with InvalidOperationException", "fitting does not modify X or y"], run.NotRun);
        Assert.Contains("singular matrix", run.LearnerOutput);
    }

    [Fact]
    public async Task A_stack_overflow_is_reported_as_one()
    {
        // Predict written in terms of itself (meant to call a helper of the same name with other arguments).
        var file = Repo.Mutated(Repo.Week01Drill.ReferencePath, ("        double s = B;\n", "        if (x.Length >= 0) return Predict(x);\n        double s = B;\n"));
        var run = (await Check(file)).Run!;
        Assert.StartsWith("stack overflow during 'Predict uses the weights and the intercept': endless recursion?", run.Fatal);
        Assert.Equal(1, run.PassedCount);
        Assert.Equal(9, run.Total);
    }

    [Fact]
    public async Task Printed_output_is_cut_and_the_cut_is_said()
    {
        // Debug printing left in the gradient descent loop: thousands of lines.
        var file = Repo.Mutated(Repo.Week01Drill.ReferencePath, ("            B -= lr * gb;\n", "            B -= lr * gb;\n            Console.WriteLine($\"epoch {e}: b = {B}\");\n"));
        var report = await Check(file);
        var run = report.Run!;
        Assert.True(report.Passed);                                 // printing is allowed; it is only shortened
        Assert.Equal(LearnerOutput.MaxLines, run.LearnerOutput.Count);
        Assert.StartsWith("epoch 0: b = ", run.LearnerOutput[0]);
        Assert.Matches(@"^output cut: \d+ more lines not shown$", run.OutputCut);
    }

    [Fact]
    public async Task A_timeout_counts_the_checks_it_stopped_as_not_passed()
    {
        // Gradient descent that never stops, after a closed form that is right: the 4 checks before it pass.
        var file = Repo.Mutated(Repo.Week01Drill.ReferencePath, ("for (int e = 0; e < epochs; e++)", "for (int e = 0; e >= 0; e = 1)"));
        var report = await Check(file, seconds: 5);
        var run = report.Run!;
        Assert.True(run.TimedOut);
        Assert.Equal("gradient descent converges to the exact line", run.RunningWhenKilled);
        Assert.Equal(4, run.PassedCount);
        Assert.Equal(9, run.Total);
        Assert.Equal(5, run.NotRun.Count);
        Assert.False(report.Passed);
    }

    [Fact]
    public void Stale_folders_are_removed_only_when_their_owner_is_gone()
    {
        var temp = Directory.CreateTempSubdirectory("mlcourse-test-").FullName;
        string Folder(string name, string? owner)
        {
            var path = Directory.CreateDirectory(Path.Combine(temp, DrillTempFolders.Prefix + name)).FullName;
            if (owner is not null) File.WriteAllText(Path.Combine(path, "owner.txt"), owner);
            return path;
        }
        using var self = Process.GetCurrentProcess();
        var ticks = self.StartTime.ToUniversalTime().Ticks;
        var alive = Folder("alive", $"{self.Id} {ticks}");
        var reused = Folder("reused-id", $"{self.Id} {ticks - TimeSpan.TicksPerHour}");   // same id, another process's start
        var gone = Folder("gone", $"{int.MaxValue} {ticks}");
        var recent = Folder("no-owner-recent", null);
        var old = Folder("no-owner-old", null);
        Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-2));

        Assert.Equal(3, DrillTempFolders.RemoveStale(temp));
        Assert.True(Directory.Exists(alive));
        Assert.True(Directory.Exists(recent));
        Assert.False(Directory.Exists(reused) || Directory.Exists(gone) || Directory.Exists(old));
    }

    // kill -9 of the course tool alone: no handler of it runs. (Ctrl-C is not tested here: a test runner
    // started in the background inherits SIGINT ignored, so the tool would not even die of it.)
    [Fact]
    public async Task Killing_drill_check_with_SIGKILL_ends_the_child_and_removes_its_folder()
    {
        if (!OperatingSystem.IsLinux()) return;   // reads /proc
        var root = CourseProcess.ScratchRoot();
        var drill = Path.Combine(root, "drills", "week-01-linear-regression");
        Directory.CreateDirectory(drill);
        foreach (var file in Directory.EnumerateFiles(Repo.Week01Drill.Folder)) File.Copy(file, Path.Combine(drill, Path.GetFileName(file)));

        using var course = CourseProcess.Start(root, "drill", "check", "week-01", "--file", Repo.Fixture("EndlessLoop.cs"), "--timeout", "300");
        await course.ReadUntilAsync("Checking");
        var child = await ChildRunningTheChecks(course.Id);
        var folder = Path.GetDirectoryName(ProcFile(child, "cmdline").Split('\0').First(a => a.EndsWith("drill-check.dll")))!;
        Assert.StartsWith(DrillTempFolders.Prefix, Path.GetFileName(folder));

        course.KillAlone();
        var clock = Stopwatch.StartNew();
        while (IsAlive(child) && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
        Assert.False(IsAlive(child), $"the check program (pid {child}) still runs {clock.Elapsed.TotalSeconds:0} s after its parent was killed");
        Assert.False(Directory.Exists(folder), $"{folder} is left behind");
    }

    /// <summary>The 'dotnet drill-check.dll' process whose parent is <paramref name="parent"/>, once the compile is done.</summary>
    private static async Task<int> ChildRunningTheChecks(int parent)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    var stat = ProcFile(pid, "stat");
                    var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                    if (ppid == parent && ProcFile(pid, "cmdline").Contains("drill-check.dll")) return pid;
                }
                catch (IOException) { }   // the process ended while we looked
                catch (UnauthorizedAccessException) { }
            }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException("the check program never started");
    }

    private static string ProcFile(int pid, string name) => File.ReadAllText($"/proc/{pid}/{name}");

    /// <summary>Running, not merely a zombie waiting for a PID 1 that does not reap it.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = ProcFile(pid, "stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException) { return false; }
    }
}
