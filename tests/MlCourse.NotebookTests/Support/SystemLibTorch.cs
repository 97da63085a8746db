namespace MlCourse.NotebookTests.Support;

/// <summary>
/// Debian's libtorch 1.13 (what python3-torch installs into /lib/x86_64-linux-gnu), unpacked into a private folder and
/// never installed. Putting its library folders on LD_LIBRARY_PATH makes the loader find its libtorch.so, libc10.so
/// and libtorch_cpu.so by name before TorchSharp's own, as a system copy would be found.
/// </summary>
/// <remarks>
/// Tests run offline, so nothing is downloaded here: tests/MlCourse.NotebookTests/fetch-system-libtorch.sh fetches and
/// unpacks the packages once (about 200 packages, 150 MB, into <see cref="DefaultPrefix"/>), or
/// MLCOURSE_SYSTEM_LIBTORCH names a folder where they were unpacked (with dpkg -x) before (the folder holding usr/). Without either, the test
/// that needs it is skipped with that instruction as its reason.
/// </remarks>
internal static class SystemLibTorch
{
    public const string EnvironmentVariable = "MLCOURSE_SYSTEM_LIBTORCH";

    public static string DefaultPrefix { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mlcourse", "system-libtorch-1.13");

    /// <summary>The unpacked root (holding usr/lib/x86_64-linux-gnu/libtorch.so), or null.</summary>
    public static string? Root()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable(EnvironmentVariable), Path.Combine(DefaultPrefix, "root") })
            if (!string.IsNullOrEmpty(candidate) && File.Exists(Path.Combine(candidate, "usr", "lib", "x86_64-linux-gnu", "libtorch.so")))
                return candidate;
        return null;
    }

    /// <summary>Why the reproduction cannot run here, or null if it can.</summary>
    public static string? WhyUnavailable() => Root() is null
        ? $"no unpacked Debian libtorch 1.13 on this machine: run tests/MlCourse.NotebookTests/fetch-system-libtorch.sh once " +
          $"(downloads and unpacks into {DefaultPrefix}; installs nothing) or set {EnvironmentVariable} to such a folder"
        : null;

    /// <summary>LD_LIBRARY_PATH value: every folder of the unpacked packages that holds a shared library.</summary>
    public static string LibraryPath()
    {
        var root = Root() ?? throw new InvalidOperationException(WhyUnavailable());
        return string.Join(':', Directory.EnumerateFiles(root, "*.so*", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName).Distinct().Order(StringComparer.Ordinal));
    }
}

/// <summary>A fact that is skipped, with the reason, where no unpacked Debian libtorch is available.</summary>
internal sealed class SystemLibTorchFactAttribute : FactAttribute
{
    public SystemLibTorchFactAttribute()
    {
        if (SystemLibTorch.WhyUnavailable() is { } reason) Skip = reason;
    }
}
