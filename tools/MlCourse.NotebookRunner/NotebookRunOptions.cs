namespace MlCourse.NotebookRunner;

/// <summary>How <see cref="NotebookExecutor"/> runs one notebook.</summary>
public sealed record NotebookRunOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Where to write the executed copy with outputs (folders are created); null writes nothing.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Wall-clock budget for the whole notebook, kernel start included; the cell running when it ends fails.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Set as MLCOURSE_PROFILE in the process for the run.</summary>
    public CourseProfile Profile { get; init; } = CourseProfile.Fast;

    /// <summary>Which kernel runs the cells: the dotnet-interactive tool (the default, as in VS Code and Jupyter) or one in this process.</summary>
    public NotebookEngine Engine { get; init; } = NotebookEngine.Kernel;

    /// <summary>Told when each code cell starts and finishes; called on the runner's thread, between cells.</summary>
    public IProgress<CellProgress>? Progress { get; init; }

    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The notebook timeout must be positive.");
        if (OutputPath is not null && string.IsNullOrWhiteSpace(OutputPath))
            throw new ArgumentException("OutputPath is blank; give a file path or null.", nameof(OutputPath));
        if (!Enum.IsDefined(Profile))
            throw new ArgumentOutOfRangeException(nameof(Profile), Profile, "Expected Fast or Full.");
        if (!Enum.IsDefined(Engine))
            throw new ArgumentOutOfRangeException(nameof(Engine), Engine, "Expected Kernel or InProcess.");
    }
}
