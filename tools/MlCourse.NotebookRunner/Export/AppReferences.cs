using System.Text.RegularExpressions;
using MlCourse.NotebookRunner.Notebooks;

namespace MlCourse.NotebookRunner.Export;

/// <summary>A <c>#r "nuget: Id, Version"</c> line: becomes <c>#:package Id@Version</c>.</summary>
public sealed record PackageDirective(string Id, string Version, string CellLabel);

/// <summary>
/// A <c>#r "…/artifacts/lib/MlCourse.X.dll"</c> line: becomes <c>#:project</c> on
/// <c>lib/MlCourse.X/MlCourse.X.csproj</c>, so the app builds the library instead of loading
/// whatever was built last.
/// </summary>
public sealed record ProjectDirective(string ProjectPath, string AssemblyName, string CellLabel);

/// <summary>
/// Takes the notebook-only lines out of a code cell: <c>#r</c> references (translated) and magic
/// commands (refused). What is left is plain C# script text with the same line numbers, so that
/// positions Roslyn reports still match the cell.
/// </summary>
internal static partial class AppReferences
{
    public sealed record CellLines(string Code, IReadOnlyList<PackageDirective> Packages, IReadOnlyList<ProjectDirective> Projects);

    public static CellLines Extract(NotebookCell cell, string notebookFolder, ICollection<string> problems)
    {
        var packages = new List<PackageDirective>();
        var projects = new List<ProjectDirective>();
        var lines = cell.Source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"{cell.Label}, line {i + 1}";
            if (Reference().Match(line) is { Success: true } reference)
            {
                var target = reference.Groups["target"].Value.Trim();
                if (Nuget().Match(target) is { Success: true } nuget)
                    AddPackage(nuget, target, cell.Label, where, packages, problems);
                else
                    AddProject(target, notebookFolder, cell.Label, where, projects, problems);
                lines[i] = "";
            }
            else if (MagicCommand().Match(line) is { Success: true } magic)
            {
                problems.Add($"{where}: '{magic.Value.Trim()}' is a notebook magic command with no equivalent in a file-based app " +
                             "(the course allows only #r lines in the first cell).");
                lines[i] = "";
            }
        }
        return new CellLines(string.Join('\n', lines), packages, projects);
    }

    private static void AddPackage(Match nuget, string target, string cellLabel, string where,
        List<PackageDirective> packages, ICollection<string> problems)
    {
        var id = nuget.Groups["id"].Value.Trim();
        var version = nuget.Groups["version"].Success ? nuget.Groups["version"].Value.Trim() : "";
        if (version.Length == 0)
            problems.Add($"{where}: #r \"{target}\" has no version; #:package needs one (write the exact pin from Directory.Packages.props).");
        else if (!ExactVersion().IsMatch(version))
            problems.Add($"{where}: #r \"{target}\" gives '{version}', not an exact version; #:package {id}@<version> needs an exact one.");
        else
            packages.Add(new PackageDirective(id, version, cellLabel));
    }

    private static void AddProject(string target, string notebookFolder, string cellLabel, string where,
        List<ProjectDirective> projects, ICollection<string> problems)
    {
        // The course's notebooks load its libraries from <root>/artifacts/lib/MlCourse.X.dll; each
        // is built from <root>/lib/MlCourse.X/MlCourse.X.csproj. Any other assembly has no project
        // the app could build, and copying a DLL path into the app would hide a stale build.
        var dll = Path.GetFullPath(target, notebookFolder);
        var name = Path.GetFileNameWithoutExtension(dll);
        var libFolder = Path.GetDirectoryName(dll);
        var artifacts = libFolder is null ? null : Path.GetDirectoryName(libFolder);
        bool courseLayout = CourseAssembly().IsMatch(Path.GetFileName(dll))
            && Path.GetFileName(libFolder) == "lib" && Path.GetFileName(artifacts) == "artifacts";
        if (!courseLayout)
        {
            problems.Add($"{where}: #r \"{target}\" is neither a NuGet package nor a course library " +
                         "(…/artifacts/lib/MlCourse.<Name>.dll), so a file-based app has nothing to reference for it.");
            return;
        }
        var root = Path.GetDirectoryName(artifacts)!;
        var project = Path.Combine(root, "lib", name, name + ".csproj");
        if (!File.Exists(project))
            problems.Add($"{where}: #r \"{target}\" names the course library {name}, but its project {project} does not exist.");
        else
            projects.Add(new ProjectDirective(project, name, cellLabel));
    }

    [GeneratedRegex("""^\s*#r\s+"(?<target>[^"]*)"\s*(?://.*)?$""")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\s*nuget:\s*(?<id>[^,]+?)\s*(?:,(?<version>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Nuget();

    // Magic commands (#!time, #!csharp, #!set ...), #i package sources, #load of other scripts,
    // and an #r that is not a quoted reference. C# preprocessor directives (#nullable, #pragma,
    // #region, #if) pass through: they mean the same in a program.
    [GeneratedRegex(@"^\s*(?:#!.*|#i\b.*|#load\b.*|#r\b.*)$")]
    private static partial Regex MagicCommand();

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.+\-]*$")]
    private static partial Regex ExactVersion();

    [GeneratedRegex(@"^MlCourse\.[A-Za-z0-9.]+\.dll$")]
    private static partial Regex CourseAssembly();
}
