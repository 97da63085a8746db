using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Runtime;

/// <summary>
/// The one setting that decides where the course's tensors and models live. Every notebook and
/// library helper takes its device from <see cref="Current"/>, so switching to a GPU is one
/// environment variable, not an edit in every week. Taught in notebooks/setup/check-environment.ipynb.
/// </summary>
/// <remarks>
/// <para>
/// <c>MLCOURSE_DEVICE</c> unset or <c>cpu</c> gives the CPU (the default, and all that the course's
/// own machines have). <c>cuda</c> gives the first CUDA GPU and fails with an explanation when
/// TorchSharp cannot see one. Anything else is an error, so a typo never silently trains on the CPU.
/// </para>
/// <para>
/// Using a GPU. The course references <c>TorchSharp-cpu</c>, whose native libraries have no CUDA
/// support. A learner with an NVIDIA GPU and driver:
/// (1) in <c>Directory.Packages.props</c> replaces <c>TorchSharp-cpu</c> with
/// <c>TorchSharp-cuda-linux</c> (Linux) or <c>TorchSharp-cuda-windows</c> (Windows), at the
/// TorchSharp version pinned there, and makes the same change to the <c>PackageReference</c> in
/// <c>lib/MlCourse.DeepLearning/MlCourse.DeepLearning.csproj</c>;
/// (2) changes each deep-learning notebook's first cell from
/// <c>#r "nuget: TorchSharp-cpu, 0.107.0"</c> to the same line with the CUDA package;
/// (3) rebuilds (<c>dotnet build lib/MlCourse.DeepLearning</c>) and sets <c>MLCOURSE_DEVICE=cuda</c>
/// before starting VS Code, Jupyter or the tests.
/// The CUDA packages are several GB and cannot be restored on the course's machines, so that path
/// is documented here but not tested; the CPU path is.
/// </para>
/// </remarks>
public static class TorchDevice
{
    public const string Variable = "MLCOURSE_DEVICE";

    /// <summary>The device named by <c>MLCOURSE_DEVICE</c> (read on every call, so a notebook can change it).</summary>
    public static Device Current => FromSetting(Environment.GetEnvironmentVariable(Variable));

    /// <summary>The device for a value of <c>MLCOURSE_DEVICE</c>; null or blank means CPU.</summary>
    /// <exception cref="ArgumentException">The value is neither <c>cpu</c> nor <c>cuda</c>.</exception>
    /// <exception cref="InvalidOperationException"><c>cuda</c> was asked for but no CUDA device is usable.</exception>
    public static Device FromSetting(string? setting)
    {
        var type = Parse(setting);
        TorchNative.EnsureLoaded();
        if (type == DeviceType.CPU) return CPU;
        if (!cuda.is_available())
            throw new InvalidOperationException(
                $"{Variable} is '{setting}', but TorchSharp sees no usable CUDA device. The course references TorchSharp-cpu, " +
                "which has no CUDA support: replace it with TorchSharp-cuda-linux or TorchSharp-cuda-windows (see the TorchDevice " +
                $"documentation) on a machine with an NVIDIA GPU and driver, or unset {Variable} to use the CPU.");
        return CUDA;
    }

    /// <summary>Validates a setting without touching the native library.</summary>
    public static DeviceType Parse(string? setting)
    {
        var value = setting?.Trim().ToLowerInvariant();
        return value switch
        {
            null or "" or "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException(
                $"{Variable} must be 'cpu' or 'cuda' (or unset, which means cpu), but is '{setting}'.", nameof(setting)),
        };
    }
}
