using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// A fresh in-process C# kernel for one notebook run, set up like the C# part of the
/// dotnet-interactive tool that VS Code and Jupyter start: kernel helpers (<c>display</c>),
/// value sharing, <c>#r "nuget: ..."</c>, and the kernel extensions inside added packages.
/// </summary>
internal sealed class NotebookKernel : IDisposable
{
    public const string CSharpKernelName = "csharp";

    private static readonly object FormatterSetupLock = new();
    private static bool _formattersConfigured;

    private readonly PackageExtensionLoader _extensions = new();

    public NotebookKernel()
    {
        ConfigureFormattersLikeABrowserFrontend();

        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseValueSharing()
            .UseNugetDirective(OnPackagesResolvedAsync);
        Root = new CompositeKernel { DefaultKernelName = CSharpKernelName };
        Root.Add(csharp, ["c#", "C#"]);
    }

    public CompositeKernel Root { get; }

    /// <summary>Full names of the kernel extensions loaded from packages so far.</summary>
    public IReadOnlyList<string> LoadedExtensions => _extensions.LoadedExtensions;

    private async Task OnPackagesResolvedAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        var conflicts = HostAssemblyConflicts.Find(packages);
        if (conflicts.Count > 0)
            throw new PackageConflictException(string.Join("\n", conflicts));
        kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
        // Extensions get the composite kernel, as in the tool: some register directives or
        // formatters that must apply to every subkernel.
        await _extensions.LoadFromPackagesAsync(
            packages.Select(p => p.PackageRoot).Where(r => !string.IsNullOrEmpty(r)),
            (Kernel?)kernel.RootKernel ?? kernel);
    }

    /// <summary>
    /// The tool sets these for browser frontends (VS Code, Jupyter): objects render as HTML, strings
    /// as plain text. Formatter settings are process-wide, so they are set once per process.
    /// </summary>
    private static void ConfigureFormattersLikeABrowserFrontend()
    {
        lock (FormatterSetupLock)
        {
            if (_formattersConfigured) return;
            Formatter.DefaultMimeType = HtmlFormatter.MimeType;
            Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
            _formattersConfigured = true;
        }
    }

    public void Dispose() => Root.Dispose();
}
