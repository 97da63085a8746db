using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;

namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// Loads the kernel extensions that NuGet packages ship in <c>interactive-extensions/dotnet/</c>
/// (Plotly.NET.Interactive's chart formatter, Microsoft.Data.Analysis's DataFrame table). The
/// dotnet-interactive tool does this itself when a package is added; the libraries alone do not,
/// so an in-process kernel must, or those values render as plain property dumps.
/// One loader belongs to one kernel: each fresh kernel runs each extension's OnLoadAsync once.
/// </summary>
internal sealed class PackageExtensionLoader
{
    private const string ExtensionFolder = "interactive-extensions/dotnet";

    private readonly HashSet<string> _loadedFolders = new(StringComparer.Ordinal);
    private readonly List<string> _loadedExtensions = [];

    /// <summary>Full names of the extension types loaded so far, in load order.</summary>
    public IReadOnlyList<string> LoadedExtensions => _loadedExtensions;

    /// <summary>Loads every extension found under the given package roots that this kernel has not loaded yet.</summary>
    public async Task LoadFromPackagesAsync(IEnumerable<string> packageRoots, Kernel kernel)
    {
        foreach (var root in packageRoots)
        {
            var folder = Path.GetFullPath(Path.Combine(root, ExtensionFolder));
            if (!Directory.Exists(folder) || !_loadedFolders.Add(folder)) continue;
            foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
                await LoadFromAssemblyAsync(dll, kernel);
        }
    }

    private async Task LoadFromAssemblyAsync(string dllPath, Kernel kernel)
    {
        // The default context, as the dotnet-interactive tool uses: the extension's formatters must
        // see the same Plotly.NET / Microsoft.Data.Analysis types as the notebook's code does.
        var assembly = LoadOnce(dllPath);
        var extensionTypes = assembly.GetExportedTypes()
            .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });
        foreach (var type in extensionTypes)
        {
            var extension = (IKernelExtension)(Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"Could not create kernel extension {type.FullName} from {dllPath}."));
            try
            {
                await extension.OnLoadAsync(kernel);
            }
            catch (Exception e)
            {
                throw new KernelExtensionLoadException(
                    new InvalidOperationException($"Kernel extension {type.FullName} from {dllPath} failed to load: {e.Message}", e));
            }
            _loadedExtensions.Add(type.FullName!);
        }
    }

    private static Assembly LoadOnce(string dllPath)
    {
        var name = AssemblyName.GetAssemblyName(dllPath);
        // A second kernel in the same process finds the assembly already loaded; loading the same
        // name from the path again would throw, and the loaded copy is the one the types come from.
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a =>
            AssemblyName.ReferenceMatchesDefinition(name, a.GetName()) && a.GetName().Version == name.Version);
        return loaded ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(dllPath);
    }
}
