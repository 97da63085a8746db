using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.SupportVectorMachines;

/// <summary>
/// The hard-margin linear SVM (Week 6, "Hard margin"): minimise ½‖w‖² subject to y_i(wᵀx_i + b) ≥ 1 for
/// every i, whose dual is the soft-margin dual without the upper bound (C = ∞). Solved by the same SMO.
/// On data that no hyperplane separates the primal is infeasible and the dual unbounded: the α grow
/// without limit, and Fit throws instead of returning a meaningless model.
/// </summary>
public sealed class HardMarginSvm : IClassifier
{
    // α beyond this means the dual is running off to infinity (a separable problem's α are ~1/margin²).
    private const double DivergenceBound = 1e8;
    private double[]? _w;
    private double _b;
    private double[] _alpha = [];
    private int[] _supportIndices = [];

    public HardMarginSvm(double tolerance = 1e-3, int maxIterations = 1_000_000)
    {
        Guard.Positive(tolerance, nameof(tolerance));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    public double Tolerance { get; }
    public int MaxIterations { get; }

    public bool IsFitted => _w is not null;
    public Vector<double> Coefficients { get { Fitted(nameof(Coefficients)); return Vector<double>.Build.DenseOfArray(_w!); } }
    public double Intercept { get { Fitted(nameof(Intercept)); return _b; } }
    /// <summary>All n multipliers α_i (label 1 is y = +1).</summary>
    public Vector<double> Alpha { get { Fitted(nameof(Alpha)); return Vector<double>.Build.DenseOfArray(_alpha); } }
    public int[] SupportIndices { get { Fitted(nameof(SupportIndices)); return (int[])_supportIndices.Clone(); } }
    /// <summary>The width of the empty slab between the classes, 2/‖w‖.</summary>
    public double Margin { get { Fitted(nameof(Margin)); return 2.0 / Math.Sqrt(_w!.Sum(v => v * v)); } }

    public HardMarginSvm Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        ClassLabels.BinaryWithBothClasses(y, nameof(y));
        var rows = Kernel.Rows(x);
        var signs = y.Select(v => v == 1 ? 1.0 : -1.0).ToArray();
        var result = SmoSolver.Solve(rows, signs, Kernel.Linear(), double.PositiveInfinity, Tolerance, MaxIterations,
            divergenceBound: DivergenceBound);
        if (!result.Converged)
            throw new InvalidOperationException(
                $"{nameof(x)} is not linearly separable by labels {nameof(y)}: the hard-margin dual did not converge after {result.Iterations} SMO steps (largest α = {result.Alpha.Max():G3}). Use SupportVectorClassifier with a finite C (soft margin).");
        var w = new double[x.ColumnCount];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < w.Length; j++) w[j] += result.Alpha[i] * signs[i] * rows[i][j];   // w = Σ α_i y_i x_i
        _w = w;
        _b = -result.Rho;
        _alpha = result.Alpha;
        _supportIndices = Enumerable.Range(0, rows.Length).Where(i => result.Alpha[i] > 0).ToArray();
        return this;
    }

    public Vector<double> DecisionFunction(Matrix<double> x)
    {
        Fitted(nameof(DecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _w!.Length, nameof(x));
        return x * Vector<double>.Build.DenseOfArray(_w) + _b;
    }

    public Vector<double> Predict(Matrix<double> x) => DecisionFunction(x).Map(f => f >= 0 ? 1.0 : 0.0);

    private void Fitted(string member) => Guard.Fitted(IsFitted, nameof(HardMarginSvm), member);

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
