using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Tests.Core;

/// <summary>The guards for counts, lengths, shapes, labels and probabilities: each names the argument, the expected and the actual.</summary>
public class GuardCountAndShapeTests
{
    [Fact]
    public void NotNull_returns_the_value_so_a_constructor_can_pass_it_on()
    {
        var list = new List<int>();
        Assert.Same(list, Guard.NotNull(list, "steps"));
        var error = Assert.Throws<ArgumentNullException>(() => Guard.NotNull((string?)null, "regressor"));
        Assert.Equal("regressor", error.ParamName);
        Assert.Contains("regressor must not be null", error.Message);
    }

    [Fact]
    public void NotBlank_refuses_null_with_ArgumentNullException_and_white_space_with_ArgumentException()
    {
        Assert.Equal("week-01", Guard.NotBlank("week-01", "name"));
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => Guard.NotBlank(null, "name")).ParamName);
        var blank = Assert.Throws<ArgumentException>(() => Guard.NotBlank(" \t", "name"));
        Assert.Equal("name", blank.ParamName);
        Assert.Contains("name must not be empty or white space", blank.Message);
        Assert.Throws<ArgumentException>(() => Guard.NotBlank("", "name"));
    }

    [Fact]
    public void NotEmpty_names_what_is_missing_and_refuses_a_null_item()
    {
        Guard.NotEmpty(new[] { 1 }, "grid");
        var empty = Assert.Throws<ArgumentException>(() => Guard.NotEmpty(Array.Empty<int>(), "grid", "hyper-parameter"));
        Assert.Equal("grid", empty.ParamName);
        Assert.Contains("grid must contain at least one hyper-parameter, but is empty", empty.Message);
        Assert.Contains("at least one item", Assert.Throws<ArgumentException>(() => Guard.NotEmpty(new List<string>(), "rows")).Message);
        var nullItem = Assert.Throws<ArgumentNullException>(() => Guard.NotEmpty(new[] { "a", null }, "rows"));
        Assert.Contains("rows[1] is null", nullItem.Message);
    }

    [Fact]
    public void NoNullItems_allows_an_empty_collection_and_names_the_null_entry()
    {
        Assert.Equal(0, Guard.NoNullItems(Array.Empty<string>(), "paths"));
        Assert.Equal(2, Guard.NoNullItems(new[] { "a", "b" }, "paths"));
        var error = Assert.Throws<ArgumentNullException>(() => Guard.NoNullItems(new[] { "a", null, "c" }, "paths"));
        Assert.Equal("paths", error.ParamName);
        Assert.Contains("paths[1] is null", error.Message);
        Assert.Throws<ArgumentNullException>(() => Guard.NoNullItems((string[]?)null, "paths"));
    }

    [Fact]
    public void Length_checks_compare_two_counts_and_give_both()
    {
        Guard.SameLength(3, 3, "a", "b");
        var pair = Assert.Throws<ArgumentException>(() => Guard.SameLength(3, 4, "a", "b"));
        Assert.Equal("b", pair.ParamName);
        Assert.Contains("a and b must have the same length, but a has 3 values and b has 4", pair.Message);

        Guard.SameSampleCount(5L, 5L, "x", "y");
        var samples = Assert.Throws<ArgumentException>(() => Guard.SameSampleCount(5L, 4L, "x", "y"));
        Assert.Equal("y", samples.ParamName);
        Assert.Contains("x has 5 rows but y has 4 values", samples.Message);

        Guard.Length(4, 4, "w");
        var length = Assert.Throws<ArgumentException>(() => Guard.Length(3, 4, "w", "one weight per column of x"));
        Assert.Equal("w", length.ParamName);
        Assert.Contains("w must have 4 values (one weight per column of x), but has 3", length.Message);
    }

    [Fact]
    public void HasAtLeast_gives_the_unit_the_reason_and_the_count()
    {
        Guard.HasAtLeast(2, 2, "x", "rows");   // the minimum itself is enough
        var error = Assert.Throws<ArgumentException>(() => Guard.HasAtLeast(1, 2, "x", "rows", "to estimate a variance"));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("x must have at least 2 rows (to estimate a variance), but has 1", error.Message);
    }

    [Fact]
    public void RowLengths_find_the_first_short_or_missing_row()
    {
        Guard.RowLengths(new[] { new[] { 1, 2 }, new[] { 3, 4 } }, 2, "x");
        var shortRow = Assert.Throws<ArgumentException>(() => Guard.RowLengths(new[] { new[] { 1, 2 }, new[] { 3 } }, 2, "x", "the model was fitted with 2 features"));
        Assert.Equal("x", shortRow.ParamName);
        Assert.Contains("x[1] must have 2 values (the model was fitted with 2 features), but has 1", shortRow.Message);
        Assert.Contains("x[0] must have 2 values, but is null", Assert.Throws<ArgumentException>(() => Guard.RowLengths(new int[]?[] { null }, 2, "x")).Message);
    }

    [Fact]
    public void HasShape_compares_rows_and_columns()
    {
        Guard.HasShape(Matrix<double>.Build.Dense(3, 2), 3, 2, "initialCenters");
        foreach (var (rows, columns) in new[] { (2, 2), (3, 3) })
        {
            var error = Assert.Throws<ArgumentException>(() => Guard.HasShape(Matrix<double>.Build.Dense(rows, columns), 3, 2, "initialCenters", "K x features"));
            Assert.Equal("initialCenters", error.ParamName);
            Assert.Contains($"initialCenters must be 3x2 (K x features), but is {rows}x{columns}", error.Message);
        }
    }

    [Fact]
    public void Probabilities_lie_in_the_closed_unit_interval_and_NaN_is_refused()
    {
        Guard.Probabilities(Vector<double>.Build.DenseOfArray([0, 0.5, 1]), "p");
        foreach (var bad in new[] { -1e-12, 1 + 1e-12, double.NaN })
        {
            var v = Assert.Throws<ArgumentException>(() => Guard.Probabilities(Vector<double>.Build.DenseOfArray([0.5, bad]), "p"));
            Assert.Equal("p", v.ParamName);
            Assert.Contains("p must contain probabilities in [0, 1], but p[1] is", v.Message);
        }
        var m = Matrix<double>.Build.DenseOfArray(new[,] { { 0.2, 0.8 }, { 1.5, -0.5 } });
        Assert.Contains("p[1, 0] is 1.5", Assert.Throws<ArgumentException>(() => Guard.Probabilities(m, "p")).Message);
    }

    [Fact]
    public void BinaryLabels_refuse_any_other_value_and_can_say_what_to_use_instead()
    {
        Guard.BinaryLabels([0.0, 1.0, 1.0], "y");
        var error = Assert.Throws<ArgumentException>(() => Guard.BinaryLabels([0.0, 1.0, 2.0], "y", "For more classes use SoftmaxRegression."));
        Assert.Equal("y", error.ParamName);
        Assert.Contains("y must contain only the labels 0 and 1, but y[2] is 2. For more classes use SoftmaxRegression.", error.Message);
        Assert.Throws<ArgumentException>(() => Guard.BinaryLabels([double.NaN], "y"));
    }

    [Fact]
    public void ClassLabels_are_whole_numbers_from_zero_below_the_class_count()
    {
        Assert.Equal(2, Guard.ClassLabels([0.0, 2.0, 1.0], "y"));
        Guard.ClassLabels([0.0, 2.0], "y", classCount: 3);
        foreach (var bad in new[] { -1.0, 1.5, double.NaN })
        {
            var error = Assert.Throws<ArgumentException>(() => Guard.ClassLabels([0.0, bad], "y"));
            Assert.Equal("y", error.ParamName);
            Assert.Contains("y must contain integer class labels 0..K-1, but y[1] is", error.Message);
        }
        Assert.Contains("class labels 0..2, but y[0] is 3", Assert.Throws<ArgumentException>(() => Guard.ClassLabels([3.0], "y", classCount: 3)).Message);
    }

    [Fact]
    public void NonNegativeEntries_refuse_a_negative_or_infinite_weight_and_name_its_position()
    {
        Guard.NonNegativeEntries([0.0, 2.5], "sampleWeight");
        foreach (var bad in new[] { -1e-300, double.PositiveInfinity, double.NaN })
        {
            var error = Assert.Throws<ArgumentException>(() => Guard.NonNegativeEntries([1.0, bad], "sampleWeight"));
            Assert.Equal("sampleWeight", error.ParamName);
            Assert.Contains("sampleWeight must contain only finite non-negative values, but sampleWeight[1] is", error.Message);
        }
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.0 }, { 2.0, -3.0 } });
        Assert.Contains("x must contain only finite non-negative values (chi2 needs counts), but x[1, 1] is -3",
            Assert.Throws<ArgumentException>(() => Guard.NonNegativeEntries(x, "x", "chi2 needs counts")).Message);
    }

    private enum Linkage { Single, Complete }

    [Fact]
    public void Bounds_and_enums_name_the_limit_and_the_reason()
    {
        var atLeast = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.AtLeast(1, 2, "k", "each fold is tested once"));
        Assert.Equal("k", atLeast.ParamName);
        Assert.Contains("k must be at least 2 (each fold is tested once), but is 1", atLeast.Message);
        Assert.Contains("must be at most 3", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.AtMost(4, 3, "maxFeatures")).Message);

        Guard.InHalfOpenRange(0.0, 0, 1, "beta1");
        var halfOpen = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InHalfOpenRange(1.0, 0, 1, "beta1", "the average would never move"));
        Assert.Contains("beta1 must be at least 0 and below 1 (the average would never move), but is 1", halfOpen.Message);

        Guard.InLeftOpenRange(1.0, 0, 1, "trainFractions");   // 1 is allowed, 0 is not
        foreach (var bad in new[] { 0.0, 1.5, double.NaN })
        {
            var leftOpen = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InLeftOpenRange(bad, 0, 1, "utilization", "a share of peak"));
            Assert.Equal("utilization", leftOpen.ParamName);
            Assert.Contains("utilization must be above 0 and at most 1 (a share of peak), but is", leftOpen.Message);
        }

        Guard.NotBelow(2.0, 2.0, "high", "low");   // equal is allowed
        Assert.Contains("high must be at least low = 3, but is 2",
            Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NotBelow(2.0, 3.0, "high", "low")).Message);
        Assert.Contains("high must be greater than low = 2, but is 2",
            Assert.Throws<ArgumentOutOfRangeException>(() => Guard.GreaterThan(2.0, 2.0, "high", "low")).Message);

        Guard.Defined(Linkage.Complete, "method");
        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Defined((Linkage)7, "method"));
        Assert.Equal("method", undefined.ParamName);
        Assert.Contains("method must be one of Single, Complete, but is 7", undefined.Message);
    }
}
