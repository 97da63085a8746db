namespace MlCourse.Cli.Cli;

/// <summary>Bad input from the command line. Printed as one line, without a stack trace, and exits with <see cref="ExitCodes.BadInput"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
