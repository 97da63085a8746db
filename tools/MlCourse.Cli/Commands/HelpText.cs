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
        text.Append("Exit codes: 0 success, 1 a notebook, drill check or quiz answer failed, 2 bad input.");
        return text.ToString();
    }
}
