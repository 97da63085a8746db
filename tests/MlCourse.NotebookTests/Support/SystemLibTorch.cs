using System.Diagnostics;

namespace MlCourse.NotebookTests.Support;

/// <summary>
/// Debian's libtorch 1.13 (what python3-torch installs into /lib/x86_64-linux-gnu) unpacked into a private folder,
/// never installed: <c>apt-get install --download-only</c> into that folder, then <c>dpkg -x</c> of each package.
/// Putting its library folders on LD_LIBRARY_PATH makes the loader find its libtorch.so, libc10.so and
/// libtorch_cpu.so by name before TorchSharp's own, as the system copy would be found.
/// </summary>
internal static class SystemLibTorch
{
    public static string Prefix { get; } = Path.Combine(Path.GetTempPath(), "mlcourse-system-libtorch-1.13");

    /// <summary>Why the reproduction cannot run here, or null if it can (Debian with apt-get and dpkg, as root).</summary>
    public static string? WhyUnavailable()
    {
        if (Directory.Exists(Path.Combine(Prefix, "root", "usr", "lib", "x86_64-linux-gnu"))) return null;
        if (!OperatingSystem.IsLinux() || !File.Exists("/etc/debian_version"))
            return "needs Debian's libtorch1.13 package: this is not Debian";
        if (!File.Exists("/usr/bin/apt-get") || !File.Exists("/usr/bin/dpkg"))
            return "needs apt-get and dpkg to fetch Debian's libtorch1.13 package";
        if (Environment.UserName != "root")
            return "needs root for apt-get --download-only (the package is downloaded and unpacked privately, never installed)";
        return null;
    }

    /// <summary>LD_LIBRARY_PATH value: every folder of the unpacked packages that holds a shared library.</summary>
    public static string LibraryPath()
    {
        EnsureUnpacked();
        var root = Path.Combine(Prefix, "root");
        return string.Join(':', Directory.EnumerateFiles(root, "*.so*", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName).Distinct().Order(StringComparer.Ordinal));
    }

    private static void EnsureUnpacked()
    {
        var root = Path.Combine(Prefix, "root");
        var done = Path.Combine(Prefix, "unpacked");
        if (File.Exists(done)) return;
        var debs = Path.Combine(Prefix, "debs");
        Directory.CreateDirectory(Path.Combine(debs, "partial"));
        // libtorch-dev pulls libtorch1.13 and its libraries (about 200 packages, 150 MB); the two named ones are fetched
        // by name too, in case the machine already has them installed (then --download-only would skip them).
        Run(debs, "apt-get", "install", "--download-only", "-y", "-q", "-o", $"Dir::Cache::archives={debs}", "libtorch-dev");
        Run(debs, "apt-get", "download", "-q", "libtorch1.13", "libtorch-dev");
        foreach (var deb in Directory.GetFiles(debs, "*.deb"))
            Run(debs, "dpkg", "-x", deb, root);
        Assert.True(File.Exists(Path.Combine(root, "usr", "lib", "x86_64-linux-gnu", "libtorch.so")), $"no libtorch.so unpacked under {root}");
        File.WriteAllText(done, "");
    }

    private static void Run(string folder, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stdout.Result}{stderr.Result}");
    }
}

/// <summary>A fact that is skipped, with the reason, where Debian's libtorch package cannot be fetched.</summary>
internal sealed class SystemLibTorchFactAttribute : FactAttribute
{
    public SystemLibTorchFactAttribute()
    {
        if (SystemLibTorch.WhyUnavailable() is { } reason) Skip = reason;
    }
}
