namespace MlCourse.NotebookTests.Support;

/// <summary>
/// A throw-away repository layout for discovery tests: the root marker, a notebooks/ tree with
/// months, weeks, a setup folder, an empty month and a checkpoint copy, and a notebook outside the tree.
/// </summary>
internal sealed class TemporaryCourse : IDisposable
{
    public TemporaryCourse()
    {
        Root = Directory.CreateTempSubdirectory("course-discovery-").FullName;
        Touch("data/SHA256SUMS");
        foreach (var notebook in AllNotebooks)
            Touch($"notebooks/{notebook}");
        Touch("notebooks/month-1-foundations/week-01-ml-fundamentals/.ipynb_checkpoints/01-what-is-learning-checkpoint.ipynb");
        Touch("notebooks/month-1-foundations/week-01-ml-fundamentals/interview-questions.md");
        Directory.CreateDirectory(Path.Combine(Root, "notebooks", "month-3-deep-learning"));
        Touch("outside/stray.ipynb");
    }

    /// <summary>Every notebook of the tree, relative to notebooks/, in run order.</summary>
    public static readonly string[] AllNotebooks =
    [
        "month-1-foundations/week-01-ml-fundamentals/01-what-is-learning.ipynb",
        "month-1-foundations/week-01-ml-fundamentals/02-bias-variance.ipynb",
        "month-1-foundations/week-02-linear-models/01-linear-regression.ipynb",
        "month-2-classical-ml/week-05-trees/01-decision-trees.ipynb",
        "setup/check-environment.ipynb",
    ];

    public string Root { get; }

    public string NotebooksFolder => Path.Combine(Root, "notebooks");

    public string Path_(string relative) => Path.Combine(Root, relative);

    private void Touch(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
