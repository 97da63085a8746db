using MlCourse.Cli.Cli;

namespace MlCourse.Cli.Commands;

/// <summary>One verb of the <c>course</c> tool (run, list, and later quiz, drill, progress, log).</summary>
public interface ICourseCommand
{
    string Name { get; }

    /// <summary>One line for <c>course --help</c>.</summary>
    string Summary { get; }

    /// <summary>The full help text for <c>course NAME --help</c>.</summary>
    string Help { get; }

    /// <summary>Runs the command and returns the exit code; throws <see cref="UsageException"/> on bad input.</summary>
    Task<int> RunAsync(ArgumentReader args, CliConsole console);
}
