using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Week04;

public class ModelComparisonTests
{
    [Fact]
    public void Paired_t_test_matches_scipy_ttest_rel()
    {
        // Expected: scipy.stats.ttest_rel(b, a) on ten per-fold scores, recorded by tests/reference/week04_evaluation.py.
        var r = Week04Reference.Get("paired");
        var result = ModelComparison.PairedTTest(r.Vector("a").ToArray(), r.Vector("b").ToArray());
        Expect.Close(r.Number("t"), result.Statistic, 1e-10);
        Expect.Close(r.Number("p_value"), result.PValue, 1e-10);
    }

    [Fact]
    public void The_corrected_test_is_more_cautious_than_the_plain_one()
    {
        // Nadeau-Bengio: variance (1/k + nTest/nTrain)·s² instead of s²/k; ratio 0 is the plain test.
        var r = Week04Reference.Get("paired");
        var (a, b) = (r.Vector("a").ToArray(), r.Vector("b").ToArray());
        var plain = ModelComparison.PairedTTest(a, b);
        Assert.Equal(plain, ModelComparison.CorrectedPairedTTest(a, b, 0.0));
        var corrected = ModelComparison.CorrectedPairedTTest(a, b, 1.0 / 9.0);   // 10-fold CV: test/train = 1/9
        Expect.Close(plain.Statistic / Math.Sqrt(1 + 10.0 / 9.0), corrected.Statistic, 1e-12);
        Assert.True(corrected.PValue > plain.PValue);
    }

    [Fact]
    public void McNemar_matches_the_chi_square_and_exact_binomial_references()
    {
        // Expected: (|n01 − n10| − 1)²/(n01 + n10) with scipy.stats.chi2.sf, and scipy.stats.binomtest, recorded by the script.
        var r = Week04Reference.Get("paired");
        int n01 = r.GetProperty("mcnemar_n01").GetInt32(), n10 = r.GetProperty("mcnemar_n10").GetInt32();
        var chi = ModelComparison.McNemar(n01, n10);
        Expect.Close(r.Number("mcnemar_chi2"), chi.Statistic, 1e-12);
        Expect.Close(r.Number("mcnemar_p"), chi.PValue, 1e-10);
        Expect.Close(r.Number("mcnemar_exact_p"), ModelComparison.McNemar(n01, n10, exact: true).PValue, 1e-10);
    }

    [Fact]
    public void McNemar_from_predictions_counts_only_the_rows_where_models_disagree()
    {
        // Rows: both right, both wrong, A right only (x2), B right only (x1) → n01 = 2, n10 = 1.
        var y = Vector<double>.Build.DenseOfArray([1, 0, 1, 0, 1]);
        var a = Vector<double>.Build.DenseOfArray([1, 1, 1, 0, 0]);
        var b = Vector<double>.Build.DenseOfArray([1, 1, 0, 1, 1]);
        Assert.Equal(ModelComparison.McNemar(2, 1, exact: true), ModelComparison.McNemar(y, a, b, exact: true));
    }

    [Fact]
    public void Degenerate_comparisons_are_clear_errors()
    {
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => ModelComparison.PairedTTest([0.1, 0.2], [0.1])).ParamName);
        Assert.Contains("variance is 0", Assert.Throws<ArgumentException>(() => ModelComparison.PairedTTest([1.0, 2.0], [1.5, 2.5])).Message);
        Assert.Contains("disagree", Assert.Throws<ArgumentException>(() => ModelComparison.McNemar(0, 0)).Message);
    }
}
