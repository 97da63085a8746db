namespace MlCourse.Cli.Cli;

/// <summary>Where the CLI writes, and whether a person is watching (a terminal) or a log is (CI).</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, bool interactive)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True on a terminal: progress may rewrite its line; false in logs, where every line stays.</summary>
    public bool Interactive { get; } = interactive;
}
