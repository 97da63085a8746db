namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// Sets the process-wide state a notebook expects for the length of one run, and puts the old
/// values back afterwards: the working directory (VS Code and Jupyter start the kernel in the
/// notebook's folder, so relative <c>#r</c> paths and data paths resolve from there) and
/// environment variables such as MLCOURSE_PROFILE.
/// </summary>
internal sealed class ProcessEnvironmentScope : IDisposable
{
    private readonly string _previousDirectory;
    private readonly Dictionary<string, string?> _previousVariables = new(StringComparer.Ordinal);

    public ProcessEnvironmentScope(string workingDirectory, IReadOnlyDictionary<string, string> variables)
    {
        _previousDirectory = Directory.GetCurrentDirectory();
        // The directory first: if it cannot be entered nothing has changed yet.
        Directory.SetCurrentDirectory(workingDirectory);
        foreach (var (name, value) in variables)
        {
            _previousVariables[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previousVariables)
            Environment.SetEnvironmentVariable(name, value);
        // The previous folder may have been deleted meanwhile (a temp folder in a test); staying
        // in the notebook folder is then the only sensible choice.
        if (Directory.Exists(_previousDirectory))
            Directory.SetCurrentDirectory(_previousDirectory);
    }
}
