using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.SupportVectorMachines;

/// <summary>
/// Binary soft-margin kernel SVM, labels 0 and 1 (Week 6, "Soft margin and SMO"). Fit solves the dual
/// with <see cref="SmoSolver"/>; the model is f(x) = Σ_s a_s k(x_s, x) + b over the support vectors
/// (α_s &gt; 0), with a_s = α_s y_s and y_s = +1 for label 1; Predict returns 1 where f(x) ≥ 0.
/// </summary>
/// <remarks>
/// Same problem, parameter names and defaults as scikit-learn's SVC (libsvm): C = 1, tolerance 1e-3,
/// a 200 MB kernel cache. Inside, label 0 plays +1 as in libsvm (which scikit-learn then negates for
/// binary problems), so SMO visits the same working sets as libsvm up to rounding; the public
/// DualCoefficients and Intercept follow scikit-learn's sign (positive side is label 1).
/// </remarks>
public sealed class SupportVectorClassifier : IClassifier
{
    private double[][]? _supportVectors;
    private int[] _supportIndices = [];
    private double[] _dualCoefficients = [];
    private double[] _alpha = [];
    private double _intercept;
    private int _iterations;
    private bool _converged;
    private double _dualObjective;
    private int _featureCount;

    public SupportVectorClassifier(Kernel kernel, double c = 1.0, double tolerance = 1e-3, int maxIterations = 10_000_000,
        double cacheMegabytes = 200)
    {
        Guard.NotNull(kernel, nameof(kernel));
        Guard.Positive(c, nameof(c));
        Guard.Positive(tolerance, nameof(tolerance));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(cacheMegabytes, nameof(cacheMegabytes));
        Kernel = kernel;
        C = c;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
        CacheMegabytes = cacheMegabytes;
    }

    public Kernel Kernel { get; }
    /// <summary>The box constraint 0 ≤ α_i ≤ C: the price of one unit of slack ξ_i in ½‖w‖² + C Σ ξ_i.</summary>
    public double C { get; }
    /// <summary>SMO stops when the maximal KKT violation m(α) − M(α) is below this (libsvm's eps).</summary>
    public double Tolerance { get; }
    public int MaxIterations { get; }
    public double CacheMegabytes { get; }

    public bool IsFitted => _supportVectors is not null;

    /// <summary>Row indices (into the training X) of the support vectors, increasing.</summary>
    public int[] SupportIndices { get { Fitted(nameof(SupportIndices)); return (int[])_supportIndices.Clone(); } }
    public Matrix<double> SupportVectors { get { Fitted(nameof(SupportVectors)); return Matrix<double>.Build.DenseOfRowArrays(_supportVectors!); } }
    /// <summary>a_s = α_s y_s for each support vector (scikit-learn's dual_coef_), y_s = +1 for label 1.</summary>
    public Vector<double> DualCoefficients { get { Fitted(nameof(DualCoefficients)); return Vector<double>.Build.DenseOfArray(_dualCoefficients); } }
    /// <summary>All n dual variables α_i ≥ 0 (zero for non-support vectors), in training-row order.</summary>
    public Vector<double> Alpha { get { Fitted(nameof(Alpha)); return Vector<double>.Build.DenseOfArray(_alpha); } }
    /// <summary>b in f(x) = Σ a_s k(x_s, x) + b (scikit-learn's intercept_).</summary>
    public double Intercept { get { Fitted(nameof(Intercept)); return _intercept; } }
    public int Iterations { get { Fitted(nameof(Iterations)); return _iterations; } }
    public bool Converged { get { Fitted(nameof(Converged)); return _converged; } }
    /// <summary>The dual objective in the maximisation form, D(α) = Σ α_i − ½ Σ_ij α_i α_j y_i y_j k(x_i, x_j).</summary>
    public double DualObjective { get { Fitted(nameof(DualObjective)); return _dualObjective; } }

    /// <summary>w = Σ_s a_s x_s, defined for the linear kernel only (other kernels' w lives in feature space).</summary>
    public Vector<double> Coefficients
    {
        get
        {
            Fitted(nameof(Coefficients));
            if (Kernel is not LinearKernel)
                throw new InvalidOperationException($"{nameof(Coefficients)} (the primal w) exists only for the linear kernel; this model uses {Kernel}. Use DecisionFunction instead.");
            var w = Vector<double>.Build.Dense(_featureCount);
            for (int s = 0; s < _supportVectors!.Length; s++)
                for (int j = 0; j < _featureCount; j++) w[j] += _dualCoefficients[s] * _supportVectors[s][j];
            return w;
        }
    }

    public SupportVectorClassifier Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        ClassLabels.BinaryWithBothClasses(y, nameof(y));

        return FitRows(Kernel.Rows(x), y.ToArray());
    }

    // Fit without validation on rows already copied out of a matrix (OneVsOneSvc calls it once per pair of classes).
    internal SupportVectorClassifier FitRows(double[][] rows, double[] y)
    {
        var signs = new double[y.Length];
        for (int i = 0; i < signs.Length; i++) signs[i] = y[i] == 0 ? 1.0 : -1.0;   // libsvm: the first class is +1
        var result = SmoSolver.Solve(rows, signs, Kernel, C, Tolerance, MaxIterations, CacheMegabytes);
        var support = Enumerable.Range(0, rows.Length).Where(i => result.Alpha[i] > 0).ToArray();
        _supportIndices = support;
        _supportVectors = support.Select(i => rows[i]).ToArray();
        _dualCoefficients = support.Select(i => -signs[i] * result.Alpha[i]).ToArray();   // flip back: label 1 is +1
        _alpha = result.Alpha;
        _intercept = result.Rho;   // f(x) = −(Σ α y' k − ρ) = Σ a k + ρ
        _iterations = result.Iterations;
        _converged = result.Converged;
        _dualObjective = -result.Objective;
        _featureCount = rows[0].Length;
        return this;
    }

    /// <summary>f(x) = Σ_s a_s k(x_s, x) + b for every row; positive means label 1.</summary>
    public Vector<double> DecisionFunction(Matrix<double> x)
    {
        Fitted(nameof(DecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _featureCount, nameof(x));
        var rows = Kernel.Rows(x);
        var f = Vector<double>.Build.Dense(rows.Length);
        for (int r = 0; r < rows.Length; r++)
        {
            double sum = _intercept;
            for (int s = 0; s < _supportVectors!.Length; s++) sum += _dualCoefficients[s] * Kernel.Compute(_supportVectors[s], rows[r]);
            f[r] = sum;
        }
        return f;
    }

    /// <summary>Label 1 where f(x) ≥ 0, else 0: libsvm's rule (its own decision value is −f, and "not positive" picks the second class).</summary>
    public Vector<double> Predict(Matrix<double> x) => DecisionFunction(x).Map(f => f >= 0 ? 1.0 : 0.0);

    private void Fitted(string member) => Guard.Fitted(IsFitted, nameof(SupportVectorClassifier), member);

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
