using System.Text;

namespace MlCourse.Cli.Commands;

internal static class HelpText
{
    public static string Overview(IEnumerable<ICourseCommand> commands)
    {
        var text = new StringBuilder();
        text.AppendLine("course: the ML interview course's command-line tool.");
        text.AppendLine();
        text.AppendLine("Usage: course <command> [arguments] [options]");
        text.AppendLine("       dotnet run --project tools/MlCourse.Cli -- <command> [arguments] [options]");
        text.AppendLine();
        text.AppendLine("Interview practice: 'course mock' runs a timed round; the guides are in notebooks/interview-prep/.");
        text.AppendLine();
        text.AppendLine("Commands:");
        foreach (var command in commands)
            text.AppendLine($"  {command.Name,-8} {command.Summary}");
        text.AppendLine();
        text.AppendLine("Run 'course <command> --help' for a command's arguments and options.");
        // Each command's help repeats its own codes; these are the same for every command.
        text.Append("Exit codes: 0 success (a quiz session, whatever the score), 1 a notebook or drill check failed or a file\n" +
                    "could not be written, 2 bad input (command line, a broken quiz.json or daily-log.md, a damaged progress store).");
        return text.ToString();
    }
}
