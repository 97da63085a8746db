using MlCourse.Build;

namespace MlCourse.DeepLearning.Tests.NativeFix;

/// <summary>How the fix decides whether this machine needs it, and whether the build acted on that decision.</summary>
public sealed class SystemLibStdCxxTests
{
    private const string Needed = "GLIBCXX_3.4.32";

    [LinuxFact]
    public void The_loaders_libstdcxx_is_found_and_its_version_definitions_are_read()
    {
        var candidates = SystemLibStdCxx.Candidates();

        Assert.NotEmpty(candidates);
        var definitions = ElfVersions.ReadDefinitions(candidates[0]);
        // Every libstdc++ since GCC 3.4 defines the base versions GLIBCXX_3.4 and CXXABI_1.3.
        Assert.Contains("GLIBCXX_3.4", definitions);
        Assert.Contains("CXXABI_1.3", definitions);
        Assert.All(definitions, d => Assert.Matches(@"^[A-Za-z0-9_.+\-]+$", d));
    }

    [LinuxFact]
    public void The_build_patched_the_libraries_this_process_and_notebooks_load_exactly_when_the_system_needs_it()
    {
        bool systemHasIt = ElfVersions.ReadDefinitions(SystemLibStdCxx.Candidates()[0]).Contains(Needed);
        var nuGetCacheCopy = Path.Combine(PristineTorchSharpLibrary.PackageFolder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var outputCopy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        // Present once a notebook has loaded TorchSharp from the NuGet cache (TorchSharp copies its natives there).
        var notebookCopy = Path.Combine(PristineTorchSharpLibrary.PackageFolder, "lib", "net8.0", "cpu", "libLibTorchSharp.so");

        var copies = File.Exists(notebookCopy) ? new[] { nuGetCacheCopy, outputCopy, notebookCopy } : new[] { nuGetCacheCopy, outputCopy };
        foreach (var path in copies)
        {
            var requirement = ElfVersions.ReadRequirements(path).Single(r => r.Version == Needed);
            // Where the system has the version nothing is patched; where it lacks it, the build must have patched.
            Assert.True(requirement.IsWeak == !systemHasIt,
                $"{path}: {Needed} weak = {requirement.IsWeak}, but the system's libstdc++ {(systemHasIt ? "has" : "lacks")} it.");
        }
    }
}
