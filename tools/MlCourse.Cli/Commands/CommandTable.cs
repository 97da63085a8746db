using MlCourse.Cli.Cli;
using MlCourse.NotebookRunner.Discovery;

namespace MlCourse.Cli.Commands;

/// <summary>The commands <c>course</c> knows, and the one place that maps a first word to one of them.</summary>
public sealed class CommandTable
{
    public static CommandTable Default { get; } = new([new RunCommand(), new ExportCommand(), new ListCommand(), new DrillCommand(), new QuizCommand(), new ProgressCommand(), new LogCommand(),
        new MockCommand()]);

    public CommandTable(IReadOnlyList<ICourseCommand> commands)
    {
        Commands = commands;
    }

    public IReadOnlyList<ICourseCommand> Commands { get; }

    public async Task<int> DispatchAsync(IReadOnlyList<string> args, CliConsole console)
    {
        try
        {
            if (args.Count == 0)
                throw new UsageException("No command given. Try 'course list' or 'course run week-01'; see 'course --help'.");
            if (args[0] is "--help" or "-h" or "help")
            {
                console.Out.WriteLine(HelpText.Overview(Commands));
                return ExitCodes.Success;
            }
            var command = Commands.FirstOrDefault(c => c.Name == args[0])
                ?? throw new UsageException($"Unknown command '{args[0]}'." + Suggest(args[0]) + " See 'course --help'.");
            var reader = new ArgumentReader(args.Skip(1));
            if (reader.TakeHelp())
            {
                console.Out.WriteLine(command.Help);
                return ExitCodes.Success;
            }
            return await command.RunAsync(reader, console);
        }
        // Every command's exceptions end here: one line and an exit code, never a stack trace.
        catch (Exception e)
        {
            return CommandFailure.Report(e, console);
        }
    }

    private string Suggest(string typed)
    {
        var nearest = NearestNames.Find(typed, Commands.Select(c => c.Name), 1);
        return nearest.Count == 0 ? "" : $" Did you mean '{nearest[0]}'?";
    }
}
