namespace MlCourse.NotebookRunner.Discovery;

public enum CourseFolderKind
{
    Month,
    Week,
}

/// <summary>
/// A month (<c>month-N-slug</c>) or week (<c>week-NN-slug</c>) folder under notebooks/.
/// <see cref="ShortName"/> is the name the CLI shows and accepts: month-1, week-01.
/// </summary>
public sealed record CourseFolder(CourseFolderKind Kind, int Number, string Name, string FullPath)
{
    public string ShortName => Kind == CourseFolderKind.Month ? $"month-{Number}" : $"week-{Number:00}";
}
