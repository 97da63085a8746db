using TorchSharp;

namespace MlCourse.DeepLearning.Runtime;

/// <summary>
/// Loads TorchSharp's native libraries once and turns a failure into an error that says what to
/// do. Without it, the first tensor operation on an unprepared machine throws a
/// TypeInitializationException whose cause is three inner exceptions deep. It first loads the packaged libtorch by
/// path (<see cref="PackagedLibTorch"/>), so a system libtorch cannot shadow it. Used by
/// <see cref="TorchDevice"/> and <see cref="TorchCheck"/>, so the first torch cell of any notebook
/// (first of all notebooks/setup/check-environment.ipynb) fails with that message.
/// </summary>
public static class TorchNative
{
    private static readonly Lazy<Exception?> LoadFailure = new(TryLoad);

    /// <exception cref="InvalidOperationException">The native libraries could not be loaded.</exception>
    public static void EnsureLoaded()
    {
        if (LoadFailure.Value is not { } failure) return;
        var inTheWay = PackagedLibTorch.SystemCopiesInTheWay();
        if (inTheWay.Count > 0)
            throw new InvalidOperationException(
                "TorchSharp's native libraries could not be loaded, and another libtorch is in the way: " + string.Join(", ", inTheWay) +
                $" (found by name before TorchSharp's own libtorch {PackagedLibTorch.LibTorchVersion}; Debian's python3-torch and libtorch-dev " +
                "install such files). Remove that folder from LD_LIBRARY_PATH, or uninstall the package that owns the files " +
                "(`dpkg -S <file>` names it), then restart the notebook kernel or process. " +
                $"Loading TorchSharp's packaged copy by path first: {_preloadProblem ?? "succeeded, yet TorchSharp still failed"}. " +
                $"TorchSharp said: {FirstLine(Innermost(failure).Message)}", failure);
        throw new InvalidOperationException(
            "TorchSharp's native libraries could not be loaded. On Linux with a libstdc++ older than GCC 13.2 " +
            "(Debian 12, Ubuntu 22.04) libLibTorchSharp.so must first be patched, which building the course library does: " +
            "run `dotnet build lib/MlCourse.DeepLearning` from the repository root, then restart the notebook kernel or " +
            $"process (see build/README.md). TorchSharp said: {FirstLine(Innermost(failure).Message)}", failure);
    }

    /// <summary>Why loading the packaged libtorch by path failed, if it did (then TorchSharp's own search decides).</summary>
    private static string? _preloadProblem;

    private static Exception? TryLoad()
    {
        // Before TorchSharp's own search, which a system libtorch can shadow (see PackagedLibTorch).
        _preloadProblem = PackagedLibTorch.Preload();
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or EntryPointNotFoundException)
        {
            return e;
        }
    }

    // TorchSharp's own message starts with a guess (a missing package reference) and then a long
    // load trace; the first line is enough here, and the whole exception stays attached as InnerException.
    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
