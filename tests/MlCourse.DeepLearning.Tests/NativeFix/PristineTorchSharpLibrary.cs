using System.IO.Compression;
using System.Reflection;
using TorchSharp;

namespace MlCourse.DeepLearning.Tests.NativeFix;

/// <summary>
/// The unpatched libLibTorchSharp.so, read from TorchSharp's .nupkg in the NuGet cache (the
/// extracted copy beside it has been patched by the build by the time tests run). Each test
/// gets its own copy in its own folder, so tests can run in parallel and never touch the cache.
/// </summary>
public sealed class PristineTorchSharpLibrary : IDisposable
{
    private const string EntryName = "runtimes/linux-x64/native/libLibTorchSharp.so";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mlcourse-elf-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The TorchSharp package folder in the NuGet cache, e.g. ~/.nuget/packages/torchsharp/0.107.0.</summary>
    public static string PackageFolder
    {
        get
        {
            var root = typeof(PristineTorchSharpLibrary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value;
            return Path.Combine(root!, "torchsharp", Version);
        }
    }

    private static string Version => typeof(torch).Assembly.GetName().Version!.ToString(3);

    public PristineTorchSharpLibrary()
    {
        PackagePath = Path.Combine(PackageFolder, $"torchsharp.{Version}.nupkg");
        if (!File.Exists(PackagePath))
            throw new FileNotFoundException($"The TorchSharp package file is missing from the NuGet cache; run `dotnet restore`.", PackagePath);
        using var zip = ZipFile.OpenRead(PackagePath);
        var entry = zip.GetEntry(EntryName) ?? throw new InvalidDataException($"{PackagePath} has no {EntryName}.");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        Bytes = buffer.ToArray();
        Directory.CreateDirectory(_folder);
    }

    public string PackagePath { get; }

    /// <summary>The file's contents exactly as published.</summary>
    public byte[] Bytes { get; }

    /// <summary>Writes a fresh copy (optionally edited first) and returns its path.</summary>
    public string Copy(Action<byte[]>? edit = null)
    {
        var bytes = (byte[])Bytes.Clone();
        edit?.Invoke(bytes);
        var folder = Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(folder, "libLibTorchSharp.so");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
