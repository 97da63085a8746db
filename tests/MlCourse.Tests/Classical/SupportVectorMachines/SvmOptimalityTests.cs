using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;

namespace MlCourse.Tests.Classical.SupportVectorMachines;

/// <summary>
/// The optimality conditions that define the SVM solution (no recorded values needed): KKT
/// conditions, w = Σ α_i y_i x_i, strong duality, and the hard margin's geometry.
/// </summary>
public class SvmOptimalityTests
{
    private static (Matrix<double> X, Vector<double> Y) Iris() => SvmReferenceData.Data("iris_vv");

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(100.0)]
    public void Solution_satisfies_the_kkt_conditions_to_the_stopping_tolerance(double c)
    {
        var (x, y) = Iris();
        var model = new SupportVectorClassifier(Kernel.Rbf(0.5), c).Fit(x, y);
        var alpha = model.Alpha;
        var f = model.DecisionFunction(x);
        double balance = 0;
        for (int i = 0; i < y.Count; i++)
        {
            double s = y[i] == 1 ? 1 : -1, margin = s * f[i];
            balance += alpha[i] * s;
            Assert.InRange(alpha[i], 0, c);
            // Complementary slackness: α = 0 ⇒ y f ≥ 1; 0 < α < C ⇒ y f = 1; α = C ⇒ y f ≤ 1 (each to ~tol = 1e-3).
            if (alpha[i] == 0) Assert.True(margin >= 1 - 2e-3, $"row {i}: α = 0 but y f = {margin}");
            else if (alpha[i] < c) Assert.True(Math.Abs(margin - 1) <= 2e-3, $"row {i}: free α but y f = {margin}");
            else Assert.True(margin <= 1 + 2e-3, $"row {i}: α = C but y f = {margin}");
        }
        Assert.Equal(0, balance, 1e-9);   // Σ α_i y_i = 0, kept exactly by every pair step
    }

    [Fact]
    public void Linear_weights_equal_the_alpha_weighted_sum_and_primal_equals_dual()
    {
        var (x, y) = Iris();
        const double c = 1.0;
        var model = new SupportVectorClassifier(Kernel.Linear(), c).Fit(x, y);
        var w = Vector<double>.Build.Dense(x.ColumnCount);
        for (int i = 0; i < y.Count; i++) w += model.Alpha[i] * (y[i] == 1 ? 1 : -1) * x.Row(i);
        Assert.True((w - model.Coefficients).AbsoluteMaximum() < 1e-9);
        // Strong duality: the primal ½‖w‖² + C Σ hinge equals the dual D(α) at the optimum; the gap
        // left by the 1e-3 stopping rule is at most about tol·C·n (here a few 1e-3 on a value of ~20).
        double primal = HingeLoss.PrimalObjective(x, y, model.Coefficients, model.Intercept, c);
        Assert.True(primal >= model.DualObjective - 1e-9, "weak duality: primal ≥ dual");
        Assert.True((primal - model.DualObjective) / primal < 1e-3, $"primal {primal} vs dual {model.DualObjective}");
    }

    [Fact]
    public void Hard_margin_support_vectors_sit_on_the_margin_and_no_point_is_inside()
    {
        var (x, y) = SvmReferenceData.HardMarginData();
        var model = new HardMarginSvm().Fit(x, y);
        var f = model.DecisionFunction(x);
        var support = model.SupportIndices.ToHashSet();
        for (int i = 0; i < y.Count; i++)
        {
            double margin = (y[i] == 1 ? 1 : -1) * f[i];
            if (support.Contains(i)) Assert.Equal(1, margin, 2e-3);
            else Assert.True(margin >= 1 - 2e-3);
        }
        // The margin 2/‖w‖ is the distance between the two supporting hyperplanes: f = ±1 on the support vectors.
        Assert.Equal(2 / model.Coefficients.L2Norm(), model.Margin, 12);
    }

    [Fact]
    public void Larger_C_allows_fewer_margin_violations()
    {
        var (x, y) = Iris();
        int Violations(double c)
        {
            var m = new SupportVectorClassifier(Kernel.Linear(), c).Fit(x, y);
            var f = m.DecisionFunction(x);
            return Enumerable.Range(0, y.Count).Count(i => (y[i] == 1 ? 1 : -1) * f[i] < 1 - 1e-3);
        }
        Assert.True(Violations(0.01) > Violations(100));
    }

    [Fact]
    public void Hard_margin_refuses_data_that_is_not_separable()
    {
        var (x, y) = Iris();   // versicolor and virginica overlap
        var e = Assert.Throws<InvalidOperationException>(() => new HardMarginSvm(maxIterations: 200_000).Fit(x, y));
        Assert.Contains("not linearly separable", e.Message);
    }

    [Fact]
    public void A_tiny_cache_gives_the_same_solution_as_a_full_one()
    {
        var (x, y) = Iris();
        var full = new SupportVectorClassifier(Kernel.Rbf(0.5), 1.0).Fit(x, y);
        var tiny = new SupportVectorClassifier(Kernel.Rbf(0.5), 1.0, cacheMegabytes: 1e-5).Fit(x, y);   // two rows
        Assert.Equal(full.Alpha, tiny.Alpha);
    }
}
