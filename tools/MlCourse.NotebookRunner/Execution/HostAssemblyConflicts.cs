using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;

namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// Finds package assemblies that reference a newer version of an assembly the notebook engine
/// already provides (FSharp.Core, Microsoft.CodeAnalysis, ...). One process holds one version
/// of an assembly, so in the dotnet-interactive tool behind VS Code and Jupyter such code fails
/// when it first runs (Plotly.NET 6 needs FSharp.Core 10.1; the tool ships 10.0). Whether it
/// fails in this runner depends on its host: xunit's test host quietly binds the older version.
/// Checking the references when packages are added makes every host fail the same way, at the
/// <c>#r</c> cell, with a message that names both versions.
/// </summary>
internal static class HostAssemblyConflicts
{
    private static readonly Lazy<Dictionary<string, string>> TrustedPlatformAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(Path.GetFileNameWithoutExtension, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key!, g => g.First(), StringComparer.OrdinalIgnoreCase));

    /// <summary>One sentence per engine assembly that some package needs in a newer version; empty when there is none.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<ResolvedPackageReference> packages)
    {
        var needs = new List<(string Name, Version Needed, Version Host, string Package)>();
        foreach (var package in packages)
        foreach (var assemblyPath in package.AssemblyPaths)
        foreach (var (name, version) in References(assemblyPath))
        {
            if (HostVersion(name) is { } hostVersion && hostVersion < version)
                needs.Add((name, version, hostVersion, $"{package.PackageName} {package.PackageVersion}"));
        }
        return needs
            .GroupBy(n => (n.Name, n.Host))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g =>
                $"{string.Join(", ", g.Select(n => n.Package).Distinct().Order(StringComparer.OrdinalIgnoreCase))} " +
                $"need{(g.Select(n => n.Package).Distinct().Count() == 1 ? "s" : "")} {g.Key.Name} {g.Max(n => n.Needed)}, " +
                $"but the notebook engine already has {g.Key.Name} {g.Key.Host} and a process holds one version of an assembly. " +
                "The dotnet-interactive tool behind VS Code and Jupyter fails the same way when the code runs; " +
                "use package versions built against the engine's assemblies.")
            .ToArray();
    }

    private static IEnumerable<(string Name, Version Version)> References(string assemblyPath)
    {
        if (!File.Exists(assemblyPath)) yield break;
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) yield break;
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            yield return (metadata.GetString(reference.Name), reference.Version);
        }
    }

    // What the default load context would bind the name to: an assembly already loaded there,
    // else the application's own copy (its deps.json, the framework).
    private static Version? HostVersion(string name)
    {
        var loaded = AssemblyLoadContext.Default.Assemblies
            .Select(a => a.GetName())
            .FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null) return loaded.Version;
        return TrustedPlatformAssemblies.Value.TryGetValue(name, out var path)
            ? AssemblyName.GetAssemblyName(path).Version
            : null;
    }
}
