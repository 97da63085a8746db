using MlCourse.Cli.Cli;
using MlCourse.Cli.Commands;

// The writers are taken once, here: the notebook kernel redirects Console.Out while a cell
// runs, and the CLI's own progress and summary must never end up inside a notebook's outputs.
var console = new CliConsole(Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
return await CommandTable.Default.DispatchAsync(args, console);
