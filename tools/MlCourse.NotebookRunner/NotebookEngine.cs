namespace MlCourse.NotebookRunner;

/// <summary>Which C# kernel runs a notebook's cells.</summary>
public enum NotebookEngine
{
    /// <summary>
    /// The default: the dotnet-interactive tool pinned in <c>.config/dotnet-tools.json</c> (the kernel VS Code
    /// and Jupyter start), one fresh process per notebook, driven over its stdio protocol. It loads only what
    /// the notebook's <c>#r</c> lines reference, so a missing reference or a native-library failure shows.
    /// </summary>
    Kernel,

    /// <summary>
    /// A C# kernel inside this process: starts faster, but the host already has every library dependency
    /// loaded, which hides a missing <c>#r</c>. For quick iteration only; CI uses <see cref="Kernel"/>.
    /// </summary>
    InProcess,
}

public static class NotebookEngines
{
    /// <summary>The option value: "kernel" or "in-process".</summary>
    public static string ToOptionValue(this NotebookEngine engine) => engine switch
    {
        NotebookEngine.Kernel => "kernel",
        NotebookEngine.InProcess => "in-process",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Expected Kernel or InProcess."),
    };

    /// <summary>Parses "kernel" or "in-process" (any case); anything else is false.</summary>
    public static bool TryParse(string? text, out NotebookEngine engine)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "kernel": engine = NotebookEngine.Kernel; return true;
            case "in-process": engine = NotebookEngine.InProcess; return true;
            default: engine = NotebookEngine.Kernel; return false;
        }
    }
}
