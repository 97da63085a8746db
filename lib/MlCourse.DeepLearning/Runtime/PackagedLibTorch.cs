using System.Runtime.InteropServices;
using TorchSharp;

namespace MlCourse.DeepLearning.Runtime;

/// <summary>
/// Makes TorchSharp use the libtorch that its package brings, whatever else the machine has. libLibTorchSharp.so
/// names its libraries by bare file name (libtorch.so, libc10.so, libtorch_cpu.so), and the dynamic loader
/// searches LD_LIBRARY_PATH and the system folders for such names before the package's own folder: with Debian's
/// python3-torch installed, /lib/x86_64-linux-gnu/libtorch.so (libtorch 1.13) is found first and TorchSharp fails.
/// Loading the packaged files by absolute path first, each after the libraries it needs, makes every later lookup
/// of those names resolve to the copies already loaded. Linux x64 only (the course's platform; TorchSharp-cpu's
/// other native packages name their files differently and load them by full path already).
/// </summary>
internal static class PackagedLibTorch
{
    /// <summary>The libtorch TorchSharp 0.107.0 is built against (the torch-op fixture prints torch.__version__; the system-libtorch test needs this folder).</summary>
    public const string LibTorchVersion = "2.10.0";

    /// <summary>In dependency order: each file's needed libraries come before it.</summary>
    private static readonly string[] LoadOrder = ["libgomp-98b21ff3.so.1", "libc10.so", "libtorch_cpu.so", "libtorch.so", "libLibTorchSharp.so"];

    /// <summary>The bare names a system libtorch can shadow.</summary>
    public static readonly string[] ShadowableNames = ["libtorch.so", "libc10.so", "libtorch_cpu.so"];

    /// <summary>Loads the packaged natives; returns null when done or not applicable, else what went wrong (TorchSharp then tries itself).</summary>
    public static string? Preload()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
        foreach (var file in LoadOrder)
        {
            var path = CandidateFolders().Select(folder => Path.Combine(folder, file)).FirstOrDefault(File.Exists);
            if (path is null)
                return $"{file} was not found in {string.Join(", ", CandidateFolders())}";
            if (!NativeLibrary.TryLoad(path, out _))
                return $"{path} could not be loaded";
        }
        return null;
    }

    /// <summary>
    /// Where TorchSharp's natives are: beside TorchSharp.dll in a build output (runtimes/linux-x64/native), or, when
    /// TorchSharp.dll is loaded from the NuGet cache (a notebook's <c>#r "nuget:"</c>), in its package and in the
    /// libtorch-cpu-linux-x64 package next to it. The build patches the cache copies for older libstdc++ (build/README.md).
    /// </summary>
    private static IEnumerable<string> CandidateFolders()
    {
        var torchSharpFolder = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (string.IsNullOrEmpty(torchSharpFolder)) yield break;
        yield return Path.Combine(torchSharpFolder, "runtimes", "linux-x64", "native");
        // .../torchsharp/0.107.0/lib/net8.0/TorchSharp.dll
        var packageRoot = Directory.GetParent(torchSharpFolder)?.Parent;
        var packagesFolder = packageRoot?.Parent?.Parent;
        if (packageRoot is null || packagesFolder is null) yield break;
        yield return Path.Combine(packageRoot.FullName, "runtimes", "linux-x64", "native");
        yield return Path.Combine(packagesFolder.FullName, "libtorch-cpu-linux-x64", LibTorchVersion, "runtimes", "linux-x64", "native");
    }

    /// <summary>
    /// Files with the bare names libLibTorchSharp.so asks for in the folders the loader searches before the package
    /// (LD_LIBRARY_PATH, then the system library folders): what can be in the way when loading fails.
    /// </summary>
    public static IReadOnlyList<string> SystemCopiesInTheWay()
    {
        var folders = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/local/lib", "/lib", "/usr/lib"])
            .Distinct();
        return folders.SelectMany(folder => ShadowableNames.Select(name => Path.Combine(folder, name))).Where(File.Exists).ToArray();
    }
}
