namespace MlCourse.NotebookTests.Support;

/// <summary>
/// A theory over the notebooks under notebooks/. While there are none (the tree is being written)
/// it is reported as skipped, with the reason, instead of failing with xunit's "No data found"
/// or passing without having checked anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TheoryOverNotebooksAttribute : TheoryAttribute
{
    // xunit reads Skip from the attribute instance when it discovers the theory.
    public override string? Skip
    {
        get => base.Skip ?? (TestPaths.Notebooks.Notebooks().Count == 0 ? $"No notebooks under {TestPaths.Notebooks.RootFolder} yet." : null);
        set => base.Skip = value;
    }
}
