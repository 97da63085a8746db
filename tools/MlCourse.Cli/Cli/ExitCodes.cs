namespace MlCourse.Cli.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A notebook (or later: a quiz, a drill) ran and failed.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command, option or target.</summary>
    public const int BadInput = 2;
}
