using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Losses;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// The smooth part of penalised logistic regression as a function of θ = (w, b):
/// f(θ) = (1/n) Σ_i [softplus(z_i) − y_i z_i] + (l2/2)·||w||², z = Xw + b, with its gradient and Hessian
/// (Week 2, "Gradient and Hessian of the logistic loss"). The intercept b is the last entry of θ
/// (absent without an intercept) and is never penalised.
/// </summary>
/// <remarks>
/// Write X̃ = [X, 1] so that z = X̃θ. The loss of one sample is ℓ(z) = softplus(z) − yz with
/// ℓ'(z) = σ(z) − y and ℓ''(z) = σ(z)(1 − σ(z)). Chain rule through z = X̃θ:
///   ∇f = (1/n) X̃ᵀ(σ(z) − y) + l2·(w, 0),
///   ∇²f = (1/n) X̃ᵀ S X̃ + l2·diag(1, ..., 1, 0),  S = diag(σ(z_i)(1 − σ(z_i))).
/// S is positive, so ∇²f is positive semi-definite: the loss is convex in θ (MSE on σ(z) is not).
/// A Newton step solves (X̃ᵀSX̃/n) d = −X̃ᵀ(σ − y)/n, the normal equations of a least-squares problem
/// weighted by S: Newton for logistic regression is iteratively reweighted least squares (IRLS).
/// </remarks>
public sealed class LogisticObjective
{
    // The design X̃ = [X, 1] (or X) as one column-major array: every evaluation below is a sweep over whole columns,
    // which keeps the inner loops on contiguous memory (MathNet's general products cost ~10x more at this size).
    // Built straight from X's storage: one copy (an appended matrix and then its array were two, 16 MB each at 20,000 x 100).
    private readonly double[] _columns;
    private readonly double[] _y;
    private readonly double[]? _sampleWeight;   // c_i in (1/n) Σ c_i ℓ_i; null means every c_i = 1

    /// <param name="sampleWeight">Optional positive weight per sample (class weights, see <see cref="ClassWeight"/>):
    /// the loss becomes (1/n) Σ c_i ℓ_i, and each sample's terms in the gradient and Hessian are scaled by c_i.</param>
    public LogisticObjective(Matrix<double> x, Vector<double> y, double l2 = 0.0, bool fitIntercept = true,
        Vector<double>? sampleWeight = null)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NonNegative(l2, nameof(l2));
        if (sampleWeight is not null)
        {
            Guard.Vector(sampleWeight, nameof(sampleWeight));
            Guard.SameLength(y, sampleWeight, nameof(y), nameof(sampleWeight));
            Guard.NonNegativeEntries(sampleWeight, nameof(sampleWeight));
            _sampleWeight = sampleWeight.ToArray();
        }
        FeatureCount = x.ColumnCount;
        FitIntercept = fitIntercept;
        L2 = l2;
        int n = x.RowCount;
        _columns = new double[n * ParameterCount];
        (x.AsColumnMajorArray() ?? x.ToColumnMajorArray()).CopyTo(_columns, 0);
        if (fitIntercept) _columns.AsSpan(n * FeatureCount).Fill(1.0);
        _y = y.ToArray();
    }

    public int FeatureCount { get; }
    public bool FitIntercept { get; }
    public double L2 { get; }
    /// <summary>Length of θ: p weights, plus one for the intercept.</summary>
    public int ParameterCount => FeatureCount + (FitIntercept ? 1 : 0);

    public double Value(Vector<double> theta)
    {
        Check(theta);
        var z = Logits(theta);
        double loss = 0.0;
        for (int i = 0; i < z.Length; i++) loss += Weight(i) * (Sigmoid.Softplus(z[i]) - _y[i] * z[i]);
        return loss / z.Length + 0.5 * L2 * SquaredWeightNorm(theta);
    }

    // <snippet name="logistic-gradient-hessian">
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        int n = _y.Length;
        var z = Logits(theta);
        var residual = new double[n];                                             // c·(σ(z) − y): (n)
        for (int i = 0; i < n; i++) residual[i] = Weight(i) * (Sigmoid.Of(z[i]) - _y[i]);
        var g = Vector<double>.Build.Dense(ParameterCount);
        for (int j = 0; j < ParameterCount; j++)                                  // ∇f_j = x̃_jᵀ(σ − y)/n + l2·w_j
            g[j] = SpanMath.Dot(Column(j), residual) / n + (j < FeatureCount ? L2 * theta[j] : 0.0);
        return g;
    }

    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        int n = _y.Length;
        var z = Logits(theta);
        var s = new double[n];                                                    // s_i = c_i σ(z_i)(1 − σ(z_i))
        for (int i = 0; i < n; i++) { double p = Sigmoid.Of(z[i]); s[i] = Weight(i) * p * (1 - p); }
        var h = WeightedGram(s);                                                  // H_jk = Σ_i s_i x̃_ij x̃_ik / n
        for (int j = 0; j < FeatureCount; j++) h[j, j] += L2;                    // the intercept is not penalised
        return h;
    }

    // X̃ᵀ diag(s) X̃ / n from SIMD dot products of contiguous design columns, lower triangle mirrored.
    private Matrix<double> WeightedGram(double[] s)
    {
        int n = _y.Length, q = ParameterCount;
        var gram = Matrix<double>.Build.Dense(q, q);
        var weighted = new double[n];
        for (int j = 0; j < q; j++)
        {
            var column = Column(j);
            for (int i = 0; i < n; i++) weighted[i] = s[i] * column[i];
            for (int k = 0; k <= j; k++) gram[j, k] = gram[k, j] = SpanMath.Dot(weighted, Column(k)) / n;
        }
        return gram;
    }
    // </snippet>

    private double Weight(int i) => _sampleWeight is null ? 1.0 : _sampleWeight[i];

    private ReadOnlySpan<double> Column(int j) => new(_columns, j * _y.Length, _y.Length);

    // z = X̃θ accumulated column by column: z += θ_j · x̃_j.
    private double[] Logits(Vector<double> theta)
    {
        var z = new double[_y.Length];
        for (int j = 0; j < ParameterCount; j++) SpanMath.AddScaled(z, theta[j], Column(j));
        return z;
    }

    private double SquaredWeightNorm(Vector<double> theta)
    {
        double sum = 0.0;
        for (int j = 0; j < FeatureCount; j++) sum += theta[j] * theta[j];
        return sum;
    }

    /// <summary>A bound on the curvature: λ_max(∇²f) ≤ λ_max(X̃ᵀCX̃)/(4n) + l2, since σ(1 − σ) ≤ 1/4 (C = diag(c_i)). 1/L is a safe gradient step.</summary>
    public double LipschitzBound()
    {
        var c = new double[_y.Length];
        for (int i = 0; i < c.Length; i++) c[i] = Weight(i);
        var gram = WeightedGram(c);                                              // no row-scaled copy of the design
        double largest = gram.Evd(Symmetricity.Symmetric).EigenValues.Max(c => c.Real);
        return largest / 4 + L2;
    }

    private void Check(Vector<double> theta)
    {
        Guard.Vector(theta, nameof(theta));
        Guard.Length(theta.Count, ParameterCount, nameof(theta), $"{FeatureCount} weights{(FitIntercept ? " then the intercept" : "")}");
    }
}
