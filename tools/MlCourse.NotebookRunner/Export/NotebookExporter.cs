using MlCourse.NotebookRunner.Notebooks;

namespace MlCourse.NotebookRunner.Export;

/// <summary>
/// Turns a notebook into a .NET 10 file-based app (<c>dotnet run --file app.cs</c>): the second
/// way to run a notebook, which needs no notebook engine. <c>#r "nuget: X, V"</c> becomes
/// <c>#:package X@V</c>, <c>#r "…/artifacts/lib/MlCourse.Y.dll"</c> becomes <c>#:project</c> on the
/// library's project, using directives move to the top, Markdown cells become comments, code
/// cells follow in order and their type declarations move after all statements. Everything that
/// has no faithful translation is refused with a message naming the cell; see Export/README.md.
/// </summary>
public static class NotebookExporter
{
    /// <summary>The course library whose Show.Value displays trailing expressions when the notebook references it.</summary>
    public const string DisplayLibrary = "MlCourse.Notebook";

    /// <summary>Reads the notebook, translates it and writes the app to <paramref name="appPath"/> (folders created).</summary>
    /// <exception cref="InvalidNotebookException">The file is missing or not an nbformat 4 notebook.</exception>
    /// <exception cref="NotebookExportException">Some cell has no translation; nothing is written.</exception>
    public static ExportedApp Export(string notebookPath, string appPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appPath);
        var notebook = NotebookFile.Load(notebookPath);
        var fullAppPath = Path.GetFullPath(appPath);
        var source = Translate(notebook, fullAppPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullAppPath)!);
        File.WriteAllText(fullAppPath, source.Text);
        return new ExportedApp(notebook.Path, fullAppPath, source);
    }

    /// <summary>The app's source for <paramref name="notebook"/>, as if written to <paramref name="appPath"/> (project paths are relative to its folder).</summary>
    /// <exception cref="NotebookExportException">Some cell has no translation.</exception>
    public static AppSource Translate(NotebookFile notebook, string appPath)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(appPath);
        var notebookFolder = Path.GetDirectoryName(notebook.Path)!;
        var problems = new List<string>();
        var packages = new List<PackageDirective>();
        var projects = new List<ProjectDirective>();
        var codeCells = new Dictionary<int, CodeCellSplit>();

        foreach (var cell in notebook.CodeCells)
        {
            if (cell.KernelName is { } kernel && kernel != "csharp")
            {
                problems.Add($"{cell.Label} runs in the '{kernel}' kernel; only C# cells can become a C# program.");
                continue;
            }
            var lines = AppReferences.Extract(cell, notebookFolder, problems);
            packages.AddRange(lines.Packages);
            projects.AddRange(lines.Projects);
            codeCells[cell.Number] = CodeCellSplit.Parse(cell, lines.Code, problems);
        }
        problems.AddRange(PackageVersionClashes(packages));
        problems.AddRange(RedeclarationCheck.Problems(codeCells.Values.OrderBy(c => c.Cell.Number).ToList()));
        if (problems.Count > 0)
            throw new NotebookExportException(notebook.Path, problems);

        var uniquePackages = packages.DistinctBy(p => p.Id.ToLowerInvariant()).ToList();
        var uniqueProjects = projects.DistinctBy(p => p.ProjectPath).ToList();
        var text = AppSourceWriter.Write(notebook, Path.GetFullPath(appPath), uniquePackages, uniqueProjects, codeCells);
        return new AppSource(text, uniquePackages, uniqueProjects);
    }

    private static IEnumerable<string> PackageVersionClashes(IEnumerable<PackageDirective> packages) =>
        packages.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(p => p.Version).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            .Select(g => $"{g.Key} is referenced with different versions: " +
                         string.Join(", ", g.Select(p => $"{p.Version} in {p.CellLabel}")) + "; one program holds one version.");
}
