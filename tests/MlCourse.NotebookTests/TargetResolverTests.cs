using MlCourse.NotebookRunner.Discovery;
using MlCourse.NotebookTests.Support;

namespace MlCourse.NotebookTests;

public sealed class TargetResolverTests : IDisposable
{
    private readonly TemporaryCourse _course = new();
    private readonly NotebookTree _tree;

    public TargetResolverTests() => _tree = NotebookTree.ForRepository(_course.Root);

    public void Dispose() => _course.Dispose();

    private TargetResolution Resolve(string target, string? currentDirectory = null) =>
        TargetResolver.Resolve(target, _tree, currentDirectory ?? _course.Root);

    private string[] Relative(TargetResolution resolution)
    {
        Assert.True(resolution.Succeeded, resolution.Error);
        return resolution.Notebooks.Select(_tree.RelativePath).ToArray();
    }

    [Fact]
    public void All_is_every_notebook_in_path_order_without_checkpoints()
    {
        Assert.Equal(TemporaryCourse.AllNotebooks, Relative(Resolve("all")));
        Assert.Equal(TemporaryCourse.AllNotebooks, _tree.Notebooks().Select(_tree.RelativePath));
    }

    [Theory]
    [InlineData("week-01")]
    [InlineData("week-1")]
    [InlineData("week1")]
    [InlineData("w1")]
    [InlineData("W01")]
    [InlineData("week-01-ml-fundamentals")]
    public void A_week_is_named_by_number_or_folder_name(string target)
    {
        Assert.Equal(TemporaryCourse.AllNotebooks[..2], Relative(Resolve(target)));
    }

    [Theory]
    [InlineData("month-1")]
    [InlineData("month-01")]
    [InlineData("m1")]
    [InlineData("Month-1-Foundations")]
    public void A_month_is_named_by_number_or_folder_name(string target)
    {
        Assert.Equal(TemporaryCourse.AllNotebooks[..3], Relative(Resolve(target)));
    }

    [Theory]
    [InlineData("setup")]
    [InlineData("check-environment")]
    [InlineData("check-environment.ipynb")]
    public void A_folder_or_a_unique_notebook_name_is_accepted(string target)
    {
        Assert.Equal(["setup/check-environment.ipynb"], Relative(Resolve(target)));
    }

    [Fact]
    public void A_path_is_resolved_from_the_working_directory_or_the_repository_root()
    {
        Assert.Equal(["month-2-classical-ml/week-05-trees/01-decision-trees.ipynb"],
            Relative(Resolve("notebooks/month-2-classical-ml")));
        Assert.Equal(["month-2-classical-ml/week-05-trees/01-decision-trees.ipynb"],
            Relative(Resolve("01-decision-trees.ipynb", _course.Path_("notebooks/month-2-classical-ml/week-05-trees"))));
        Assert.Equal(["setup/check-environment.ipynb"],
            Relative(Resolve("notebooks/setup/check-environment.ipynb", _course.Path_("outside"))));
        Assert.Equal(TemporaryCourse.AllNotebooks, Relative(Resolve(_course.NotebooksFolder)));
    }

    [Fact]
    public void Weeks_and_months_have_short_names()
    {
        Assert.Equal(["week-01", "week-02", "week-05"], _tree.Weeks().Select(w => w.ShortName));
        Assert.Equal(["month-1", "month-2", "month-3"], _tree.Months().Select(m => m.ShortName));
    }

    [Fact]
    public void A_path_outside_notebooks_is_refused()
    {
        var resolution = Resolve("outside/stray.ipynb");

        Assert.False(resolution.Succeeded);
        Assert.StartsWith("'outside/stray.ipynb' is outside notebooks/", resolution.Error);
        Assert.Empty(resolution.Notebooks);
    }

    [Fact]
    public void A_missing_week_suggests_the_nearest_weeks()
    {
        var resolution = Resolve("week-04");

        Assert.Equal("No week 4 under notebooks/ (weeks present: week-01, week-02, week-05).", resolution.Error);
        Assert.Equal(["week-05", "week-02", "week-01"], resolution.Suggestions);
        Assert.Equal("No week 4 under notebooks/ (weeks present: week-01, week-02, week-05). Did you mean: week-05, week-02, week-01?",
            resolution.ErrorLine);
    }

    [Fact]
    public void A_mistyped_name_suggests_the_nearest_valid_names()
    {
        var resolution = Resolve("wek-01");

        Assert.StartsWith("Unknown target 'wek-01'", resolution.Error);
        Assert.Equal("week-01", resolution.Suggestions[0]);
    }

    [Fact]
    public void A_bare_number_is_refused_as_ambiguous()
    {
        var resolution = Resolve("3");

        Assert.Equal("'3' is ambiguous: say week-03 or month-3.", resolution.Error);
        Assert.Equal(["week-03", "month-3"], resolution.Suggestions);
    }

    [Fact]
    public void A_target_without_notebooks_is_refused()
    {
        var resolution = Resolve("month-3");

        Assert.Equal("'month-3' (month-3-deep-learning) has no notebooks yet.", resolution.Error);
    }

    [Fact]
    public void A_missing_path_inside_notebooks_suggests_existing_paths()
    {
        var resolution = Resolve("notebooks/setup/check-enviroment.ipynb");

        Assert.Equal("'notebooks/setup/check-enviroment.ipynb' does not exist.", resolution.Error);
        Assert.Equal("notebooks/setup/check-environment.ipynb", resolution.Suggestions[0]);
    }

    [Fact]
    public void An_empty_target_is_refused()
    {
        Assert.StartsWith("No target given", Resolve("  ").Error);
    }

    [Fact]
    public void The_repository_root_is_the_nearest_folder_with_the_data_checksums()
    {
        Assert.Equal(_course.Root, RepositoryRoot.TryFind(_course.Path_("notebooks/month-1-foundations/week-01-ml-fundamentals")));
        Assert.Null(RepositoryRoot.TryFind(Directory.CreateTempSubdirectory("no-course-").FullName));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("week-01", "week-01", 0)]
    [InlineData("wek-01", "week-01", 1)]
    public void Edit_distance_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        // kitten -> sitting is the textbook example: two substitutions and one insertion.
        Assert.Equal(expected, NearestNames.EditDistance(a, b));
        Assert.Equal(expected, NearestNames.EditDistance(b, a));
    }
}
