namespace MlCourse.NotebookRunner.Export;

/// <summary>The text of a file-based app made from a notebook, and the references it declares.</summary>
public sealed record AppSource(string Text, IReadOnlyList<PackageDirective> Packages, IReadOnlyList<ProjectDirective> Projects)
{
    /// <summary>True when the app shows trailing expressions through the course's Show.Value.</summary>
    public bool UsesCourseDisplay => Projects.Any(p => p.AssemblyName == NotebookExporter.DisplayLibrary);
}

/// <summary>An exported notebook: where the app was written and how to run it.</summary>
public sealed record ExportedApp(string NotebookPath, string AppPath, AppSource Source)
{
    /// <summary>The command that builds and runs the app (the SDK's file-based app support, .NET 10 and later).</summary>
    public string RunCommand => $"dotnet run --file {ShellQuote(AppPath)}";

    private static string ShellQuote(string path) =>
        path.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '&' or ';' or '(' or ')')
            ? "\"" + path.Replace("\"", "\\\"") + "\""
            : path;
}
