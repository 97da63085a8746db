using System.Text.RegularExpressions;
using System.Xml.Linq;
using MlCourse.NotebookRunner.Notebooks;

namespace MlCourse.NotebookTests.Support;

/// <summary>
/// What a notebook's setup cell (its first code cell) must reference for the notebook engine, which loads only what
/// <c>#r</c> lines name: artifacts/lib holds the course assemblies but none of their NuGet dependencies, so
/// (1) every NuGet package a referenced course assembly depends on at run time, directly or through another course
/// assembly, needs its <c>#r "nuget:"</c> line (the Week 2 defect: MlCourse.Notebook's <c>Show.Table</c> has a
/// <c>DataFrame</c> overload, and without Microsoft.Data.Analysis the cell did not compile); (2) a namespace a cell
/// names (<c>using</c> or qualified) needs its assembly referenced; (3) no <c>#r</c> outside the setup cell.
/// Uses the lib/ project files as the truth about dependencies.
/// </summary>
internal static partial class SetupCellReferenceCheck
{
    /// <summary>Packages the engine itself carries: a course assembly may depend on them without a #r.</summary>
    private static readonly HashSet<string> ProvidedByEngine = new(StringComparer.OrdinalIgnoreCase) { "Microsoft.DotNet.Interactive" };

    /// <summary>Namespace roots of packages notebooks use, with the package that brings each.</summary>
    private static readonly (string Namespace, string Package)[] PackageNamespaces =
    [
        ("MathNet.Numerics", "MathNet.Numerics"),
        ("Microsoft.Data.Analysis", "Microsoft.Data.Analysis"),
        ("TorchSharp", "TorchSharp-cpu"),
        // Before Microsoft.ML: the first matching root wins, and these two packages are not Microsoft.ML.
        ("Microsoft.ML.OnnxRuntime", "Microsoft.ML.OnnxRuntime"),
        ("Microsoft.ML.DnnImageFeaturizer", "Microsoft.ML.DnnImageFeaturizer.ResNet18"),
        ("Microsoft.ML", "Microsoft.ML"),
    ];

    public static IReadOnlyList<string> Problems(NotebookFile notebook, string repositoryRoot)
    {
        var projects = CourseProjects.Read(repositoryRoot);
        var codeCells = notebook.CodeCells.ToList();
        if (codeCells.Count == 0) return [];
        var setup = codeCells[0];
        var problems = new List<string>();

        foreach (var cell in codeCells.Skip(1))
            foreach (var line in Lines(cell).Where(l => ReferenceLine().IsMatch(l)))
                problems.Add($"{cell.Label}: `{line}` is outside the setup cell; every #r belongs in the first code cell.");

        var packages = NugetReferenceCheck.Find(notebook).Where(r => r.CellNumber == setup.Number)
            .Select(r => r.PackageId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var assemblies = Lines(setup).Select(l => CourseAssemblyLine().Match(l)).Where(m => m.Success)
            .Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        foreach (var assembly in assemblies.Order(StringComparer.Ordinal))
        {
            if (!projects.ContainsKey(assembly))
            {
                problems.Add($"setup cell: {assembly}.dll is not a project under lib/.");
                continue;
            }
            foreach (var (package, via) in projects.RuntimePackagesOf(assembly))
                if (!packages.Contains(package) && !ProvidedByEngine.Contains(package))
                    problems.Add($"setup cell: {assembly}.dll needs the package {package} (through {via}), which artifacts/lib does not hold; " +
                                 $"add #r \"nuget: {package}, <the Directory.Packages.props pin>\".");
        }

        foreach (var cell in codeCells)
            foreach (var ns in NamespacesNamed(cell).Distinct().Order(StringComparer.Ordinal))
            {
                if (ns.StartsWith("MlCourse.", StringComparison.Ordinal))
                {
                    var owner = projects.Keys.Where(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal)).MaxBy(p => p.Length);
                    if (owner is not null && !assemblies.Contains(owner))
                        problems.Add($"{cell.Label} uses {ns}, but the setup cell has no #r for {owner}.dll.");
                }
                else if (PackageNamespaces.FirstOrDefault(p => ns == p.Namespace || ns.StartsWith(p.Namespace + ".", StringComparison.Ordinal)) is { Package: { } package }
                         && !packages.Contains(package))
                    problems.Add($"{cell.Label} uses {ns}, but the setup cell has no #r \"nuget: {package}, ...\".");
            }
        return problems;
    }

    private static IEnumerable<string> Lines(NotebookCell cell) => cell.Source.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim());

    private static IEnumerable<string> NamespacesNamed(NotebookCell cell) =>
        Lines(cell).Where(l => !l.StartsWith("//", StringComparison.Ordinal) && !ReferenceLine().IsMatch(l))   // #r lines are read above
            .SelectMany(l => UsingDirective().IsMatch(l) ? UsingDirective().Matches(l) : QualifiedName().Matches(l))
            .Select(m => m.Groups["ns"].Value.TrimEnd('.'));

    [GeneratedRegex("""^#r\s""")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex("""^#r\s+"[^"]*?(?<name>MlCourse\.[\w.]+?)\.dll"\s*$""")]
    private static partial Regex CourseAssemblyLine();

    [GeneratedRegex("""^using\s+(?:static\s+)?(?<ns>[A-Za-z_][\w.]*)\s*;""")]
    private static partial Regex UsingDirective();

    // Qualified uses of the known roots, such as `MathNet.Numerics.LinearAlgebra.Matrix<double>` in an expression.
    [GeneratedRegex("""(?<![\w.])(?<ns>(?:MlCourse|MathNet|TorchSharp|Microsoft\.Data\.Analysis|Microsoft\.ML)(?:\.[A-Za-z_]\w*)*)\.""")]
    private static partial Regex QualifiedName();

    /// <summary>lib/*/*.csproj: each course project's course-project and run-time package references.</summary>
    private sealed class CourseProjects : Dictionary<string, (string[] Projects, string[] Packages)>
    {
        public static CourseProjects Read(string repositoryRoot)
        {
            var projects = new CourseProjects();
            foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "lib"), "*.csproj", SearchOption.AllDirectories))
            {
                var xml = XDocument.Load(file);
                var items = xml.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference").ToArray();
                var projectRefs = items.Where(e => e.Name.LocalName == "ProjectReference")
                    .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include"))!.Replace('\\', '/'))).ToArray();
                // ExcludeAssets="all" marks a package restored for the build only (Plotly.NET's plotly.js), never loaded.
                var packageRefs = items.Where(e => e.Name.LocalName == "PackageReference" && (string?)e.Attribute("ExcludeAssets") != "all")
                    .Select(e => (string)e.Attribute("Include")!).ToArray();
                projects[Path.GetFileNameWithoutExtension(file)] = (projectRefs, packageRefs);
            }
            return projects;
        }

        /// <summary>Packages the assembly needs, directly or through course projects, each with the project that names it.</summary>
        public IEnumerable<(string Package, string Via)> RuntimePackagesOf(string assembly)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([assembly]);
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (pending.TryPop(out var project))
            {
                if (!seen.Add(project) || !TryGetValue(project, out var refs)) continue;
                foreach (var package in refs.Packages) found.TryAdd(package, $"lib/{project}/{project}.csproj");
                foreach (var next in refs.Projects) pending.Push(next);
            }
            return found.Select(p => (p.Key, p.Value));
        }
    }
}
