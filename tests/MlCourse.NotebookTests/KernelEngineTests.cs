using System.Diagnostics;
using MlCourse.NotebookRunner;
using MlCourse.NotebookRunner.Results;
using MlCourse.NotebookTests.Support;

namespace MlCourse.NotebookTests;

/// <summary>
/// The kernel engine (the dotnet-interactive tool over stdio, one process per notebook): what only it can show,
/// and how it fails. The fixture tests in <see cref="NotebookExecutorTests"/> run on it too.
/// </summary>
public sealed class KernelEngineTests
{
    private static NotebookRunOptions Kernel(string output, TimeSpan? timeout = null) => new()
    {
        OutputPath = Path.Combine(TestPaths.OutputFolder, "kernel", output),
        Engine = NotebookEngine.Kernel,
        Timeout = timeout ?? NotebookRunOptions.DefaultTimeout,
    };

    /// <summary>An in-memory notebook written to a temporary folder (outside the repository, so it cannot use artifacts/lib).</summary>
    private static string TemporaryNotebook(params string[] codeCells)
    {
        var folder = Directory.CreateTempSubdirectory("kernel-engine-").FullName;
        var path = Path.Combine(folder, "notebook.ipynb");
        File.WriteAllText(path, TestNotebook.Json(codeCells.Select(TestNotebook.Code).ToArray()));
        return path;
    }

    [Fact]
    public async Task A_cell_using_an_assembly_the_setup_cell_does_not_reference_fails_to_compile()
    {
        var result = await NotebookExecutor.RunAsync(TestPaths.Fixture("missing-reference.ipynb"), Kernel("missing-reference.ipynb"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal((3, 2), (failure.CellNumber, failure.CodeCellNumber));
        Assert.Contains("error CS0012", failure.Error);
        Assert.Contains("'Microsoft.Data.Analysis", failure.Error);
    }

    [Fact]
    public async Task A_TorchSharp_operation_through_the_course_library_computes_its_known_value()
    {
        var result = await NotebookExecutor.RunAsync(TestPaths.Fixture("torch-op.ipynb"), Kernel("torch-op.ipynb"));

        Assert.True(result.Succeeded, result.Describe());
        var stdout = (string?)new ExecutedNotebook(result.OutputPath!).SingleOutput(3)["text"];
        Assert.Equal("libtorch 2.10.0.0\nproduct 17 39\n", stdout);
    }

    [SystemLibTorchFact]
    public async Task TorchSharp_uses_its_own_libtorch_when_a_system_libtorch_is_found_first_by_name()
    {
        // As on a machine with Debian's python3-torch: libtorch 1.13's libtorch.so, libc10.so and libtorch_cpu.so are
        // found by name before TorchSharp's 2.10. Before the course loaded its packaged copy by path, this failed with
        // "TorchSharp's native libraries could not be loaded". The kernel inherits LD_LIBRARY_PATH from this process.
        var before = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        Environment.SetEnvironmentVariable("LD_LIBRARY_PATH", SystemLibTorch.LibraryPath());
        NotebookRunResult result;
        try
        {
            result = await NotebookExecutor.RunAsync(TestPaths.Fixture("torch-op.ipynb"), Kernel("torch-op-system-libtorch.ipynb"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("LD_LIBRARY_PATH", before);
        }

        Assert.True(result.Succeeded, result.Describe());
        var stdout = (string?)new ExecutedNotebook(result.OutputPath!).SingleOutput(3)["text"];
        Assert.Equal("libtorch 2.10.0.0\nproduct 17 39\n", stdout);
    }

    [Fact]
    public async Task A_timed_out_cell_is_reported_and_its_kernel_process_tree_is_killed()
    {
        var notebook = TemporaryNotebook(
            "Console.WriteLine(Environment.ProcessId);",
            "System.Threading.Thread.Sleep(TimeSpan.FromMinutes(5));",
            "Console.WriteLine(\"must not run\");");

        // The kernel starts in about 6 s on a loaded 2-core machine; 40 s leaves room and ends long before the sleep.
        var result = await NotebookExecutor.RunAsync(notebook, Kernel("timeout.ipynb", TimeSpan.FromSeconds(40)));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.True(failure.TimedOut, result.Describe());
        Assert.Equal(2, failure.CodeCellNumber);
        Assert.Contains("did not finish within its timeout of 40.0 s: cell 2 (code cell 2) was still running", failure.Error);
        Assert.True(result.Duration < TimeSpan.FromSeconds(60), $"the run took {result.Duration}");

        var kernelPid = int.Parse(((string?)new ExecutedNotebook(result.OutputPath!).SingleOutput(1)["text"])!.Trim());
        Assert.NotEqual(Environment.ProcessId, kernelPid);
        Assert.False(IsRunning(kernelPid), $"the kernel process {kernelPid} still runs after its cell timed out");
    }

    [Fact]
    public async Task A_kernel_that_exits_during_a_cell_is_reported_at_that_cell_with_its_exit_code()
    {
        var notebook = TemporaryNotebook("Console.WriteLine(\"before\");", "Environment.Exit(3);", "Console.WriteLine(\"must not run\");");

        var result = await NotebookExecutor.RunAsync(notebook, Kernel("exits.ipynb"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CodeCellNumber);
        Assert.Contains("The kernel process ended while the cell ran (exit code 3)", failure.Error);
        Assert.Contains("failed at cell 2 (code cell 2 of 3)", result.Describe());
    }

    [Fact]
    public async Task Without_the_tool_manifest_the_first_code_cell_fails_saying_so()
    {
        // A repository root (the data/SHA256SUMS marker) without .config/dotnet-tools.json.
        var root = Directory.CreateTempSubdirectory("kernel-no-manifest-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "data", "SHA256SUMS"), "");
        var path = Path.Combine(root, "notebook.ipynb");
        File.WriteAllText(path, TestNotebook.Json(TestNotebook.Markdown("# x"), TestNotebook.Code("1 + 1")));

        var result = await NotebookExecutor.RunAsync(path, Kernel("no-manifest.ipynb"));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal((2, 1), (failure.CellNumber, failure.CodeCellNumber));
        Assert.Contains("The notebook kernel did not start", failure.Error);
        Assert.Contains(Path.Combine(".config", "dotnet-tools.json") + " is missing", failure.Error);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
