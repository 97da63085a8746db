using MlCourse.Core.Metrics;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using Xunit.Abstractions;

namespace MlCourse.Tests.Classical.SupportVectorMachines;

/// <summary>
/// The SMO solver against scikit-learn 1.2.1's SVC (libsvm), values recorded by tests/reference/week06_svm.py.
/// </summary>
public class SvmAgainstLibsvmTests(ITestOutputHelper output)
{
    public static TheoryData<string> BinaryCases => new(SvmReferenceData.Json.GetProperty("binary").EnumerateObject().Select(p => p.Name));
    public static TheoryData<string> MulticlassCases => new(SvmReferenceData.Json.GetProperty("multiclass").EnumerateObject().Select(p => p.Name));

    private static Kernel KernelOf(System.Text.Json.JsonElement c) =>
        c.GetProperty("kernel").GetString() == "linear" ? Kernel.Linear() : Kernel.Rbf(c.GetProperty("gamma").GetDouble());

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_svc_matches_libsvm(string name)
    {
        var c = SvmReferenceData.Json.GetProperty("binary").GetProperty(name);
        var (x, y) = SvmReferenceData.Data(name);
        var model = new SupportVectorClassifier(KernelOf(c), c.GetProperty("C").GetDouble()).Fit(x, y);
        var reference = c.GetProperty("no_shrinking");
        var coef = model.DualCoefficients;
        var refCoef = reference.Vec("dual_coef");
        var f = model.DecisionFunction(x);
        output.WriteLine($"{name}: iterations {model.Iterations} vs libsvm {reference.GetProperty("n_iter").GetInt32()}, " +
            $"max |Δcoef| {(coef.Count == refCoef.Count ? (coef - refCoef).AbsoluteMaximum() : double.NaN):E2}, " +
            $"Δb {model.Intercept - reference.GetProperty("intercept").GetDouble():E2}, max |Δf| {(f - reference.Vec("decision")).AbsoluteMaximum():E2}, " +
            $"Δdual {model.DualObjective - reference.GetProperty("dual_objective").GetDouble():E2}");

        Assert.True(model.Converged);
        // Both solvers stop once the maximal KKT violation m(α) − M(α) is below tol = 1e-3, not at the exact
        // optimum, and libsvm stores kernel rows in single precision (Qfloat = float), so the two paths can
        // part after a few hundred steps. What the stopping rule pins down: every KKT condition holds to
        // about tol, so y_i f(x_i) on the margin, b and f agree to a few tol (5e-3 here), and the dual
        // objective (flat near the optimum, error second order) to 1e-4 relative. The support set and the
        // training accuracy agree exactly in every recorded case.
        foreach (var variant in new[] { "no_shrinking", "shrinking" })
        {
            var r = c.GetProperty(variant);
            Assert.Equal(r.Ints("support"), model.SupportIndices);
            Assert.Equal(r.GetProperty("accuracy").GetDouble(), ClassificationMetrics.Accuracy(y, model.Predict(x)), 12);
            Assert.Equal(r.GetProperty("intercept").GetDouble(), model.Intercept, 5e-3);
            AssertWithin(r.Vec("decision"), f, 5e-3);
            double dual = r.GetProperty("dual_objective").GetDouble();
            Assert.Equal(dual, model.DualObjective, 1e-4 * Math.Max(1, Math.Abs(dual)));
            if (model.Kernel is LinearKernel)
            {
                // With the linear kernel, K = XXᵀ has rank ≤ d, so when more than d support vectors are free the
                // optimal α is not unique (any α in the optimal face gives the same w). Only w and b are pinned
                // down; compare w = Σ a_s x_s with scikit-learn's coef_, and the α only loosely.
                AssertWithin(r.Vec("coef"), model.Coefficients, 5e-3);
                AssertWithin(r.Vec("dual_coef"), coef, 1e-2 * model.C);
            }
            else
            {
                // The RBF Gram matrix is positive definite for distinct points: a unique optimal α, pinned to ~tol.
                AssertWithin(r.Vec("dual_coef"), coef, 1e-3 * model.C);
            }
        }
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void One_vs_one_svc_matches_libsvm_support_set_and_predictions(string name)
    {
        var c = SvmReferenceData.Json.GetProperty("multiclass").GetProperty(name);
        var (x, y) = SvmReferenceData.Data(name);
        var model = new OneVsOneSvc(() => new SupportVectorClassifier(KernelOf(c), c.GetProperty("C").GetDouble())).Fit(x, y);
        var yHat = model.Predict(x);
        output.WriteLine($"{name}: {model.SupportIndices.Length} support vectors, accuracy {ClassificationMetrics.Accuracy(y, yHat)}");
        // scikit-learn's support_ is the union of every pairwise machine's support vectors (libsvm's OvO).
        Assert.Equal(c.Ints("support"), model.SupportIndices);
        Assert.Equal(c.Ints("predict").Select(v => (double)v), yHat);
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), ClassificationMetrics.Accuracy(y, yHat), 12);
    }

    [Fact]
    public void Hard_margin_svm_matches_libsvm_with_a_huge_C_on_separable_iris()
    {
        // libsvm with C = 1e6 never reaches the box (its largest α is recorded, about 18), so it solved the hard-margin problem.
        var h = SvmReferenceData.Json.GetProperty("hard_margin");
        Assert.True(h.GetProperty("max_alpha").GetDouble() < 1e6);
        var (x, y) = SvmReferenceData.HardMarginData();
        var model = new HardMarginSvm().Fit(x, y);
        Assert.Equal(h.Ints("support"), model.SupportIndices);
        // Stopping tolerance 1e-3 on a problem whose margin is ~0.24: w and b agree to a few 1e-3 relative.
        AssertWithin(h.Vec("coef"), model.Coefficients, 2e-2);
        Assert.Equal(h.GetProperty("intercept").GetDouble(), model.Intercept, 5e-2);
        Assert.Equal(h.GetProperty("margin").GetDouble(), model.Margin, 1e-3);
        Assert.Equal(1.0, ClassificationMetrics.Accuracy(y, model.Predict(x)));
    }

    private static void AssertWithin(MathNet.Numerics.LinearAlgebra.Vector<double> expected, MathNet.Numerics.LinearAlgebra.Vector<double> actual, double tol)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"entry {i}: expected {expected[i]}, got {actual[i]} (tolerance {tol})");
    }
}
