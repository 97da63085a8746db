using System.Diagnostics;
using System.Text.Json;

namespace MlCourse.DeepLearning.Benchmarks;

/// <summary>What one run of benchmarks/python/dl_steps.py reported.</summary>
public sealed record PythonStepReport(string TorchVersion, int Threads, string Blas, List<double> StepMilliseconds, double FinalLoss);

/// <summary>
/// Starts benchmarks/python/dl_steps.py for one network and reads its JSON line. PyTorch's libraries are
/// found through the child's own environment only (<c>--python-path</c>, <c>--python-ld-path</c>), so a
/// private PyTorch never enters this process, which has libtorch 2.10 loaded under the same file names.
/// </summary>
public sealed class PythonSide(string python, string script, string? pythonPath, string? ldLibraryPath)
{
    public PythonStepReport Run(string net, int threads, int warmup, int steps, int seed)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "--net", net, "--threads", $"{threads}", "--steps", $"{steps}", "--warmup", $"{warmup}", "--seed", $"{seed}" })
            start.ArgumentList.Add(arg);
        if (pythonPath is not null) start.Environment["PYTHONPATH"] = pythonPath;
        if (ldLibraryPath is not null) start.Environment["LD_LIBRARY_PATH"] = ldLibraryPath;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{python}'.");
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var jsonLine = output.Split('\n').LastOrDefault(line => line.StartsWith('{'));
        if (process.ExitCode != 0 || jsonLine is null)
            throw new InvalidOperationException(
                $"the PyTorch side failed (exit {process.ExitCode}): {LastLine(errors.Result)}. " +
                "Install Debian's python3-torch, or point --python-path/--python-ld-path at an unpacked copy (see benchmarks/README.md).");

        using var json = JsonDocument.Parse(jsonLine);
        var root = json.RootElement;
        return new PythonStepReport(
            root.GetProperty("torch").GetString()!,
            root.GetProperty("threads").GetInt32(),
            root.GetProperty("blas").GetString()!,
            root.GetProperty("step_ms").EnumerateArray().Select(e => e.GetDouble()).ToList(),
            root.GetProperty("final_loss").GetDouble());
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
}
