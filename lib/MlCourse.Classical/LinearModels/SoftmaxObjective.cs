using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Losses;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// The multinomial (softmax) regression objective f(θ) = (1/n) Σ_i [logsumexp(z_i) − z_{i,y_i}] + (l2/2)||W||²
/// with logits Z = XW + 1bᵀ, and its gradient and Hessian (Week 2, "Softmax and categorical cross-entropy").
/// θ holds W (p, K) column by column (θ[k·p + j] = W[j, k]) and then the K intercepts, which are not penalised.
/// </summary>
/// <remarks>
/// With X̃ = [X, 1] and Θ = [W; bᵀ] (p+1, K), Z = X̃Θ. By the chain rule and ∂ℓ_i/∂z_ik = p_ik − Y_ik:
///   ∇_Θ f = X̃ᵀ(P − Y)/n + l2·[W; 0].
/// Differentiating p_ik = softmax(z_i)_k again, ∂p_ik/∂z_il = p_ik(δ_kl − p_il), so the (k, l) block of the
/// Hessian is X̃ᵀ diag_i(p_ik(δ_kl − p_il)) X̃ / n (+ l2·I on the weight part of diagonal blocks).
/// Adding the same constant to every intercept leaves every softmax unchanged, so without a penalty on b
/// the Hessian is singular along (0, 1, ..., 1); the gradient is orthogonal to that direction
/// (Σ_k (p_ik − Y_ik) = 0), which is why scikit-learn's intercepts, started at 0, stay summing to 0.
/// </remarks>
public sealed class SoftmaxObjective
{
    private readonly Matrix<double> _design;   // (n, p + 1) or (n, p)
    private readonly Vector<double> _y;

    public SoftmaxObjective(Matrix<double> x, Vector<double> y, int classCount, double l2 = 0.0, bool fitIntercept = true)
    {
        Guard.Matrix(x, nameof(x));
        Guard.InRange(classCount, 2, 100_000, nameof(classCount));
        ClassLabels.InRange(y, classCount, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NonNegative(l2, nameof(l2));
        FeatureCount = x.ColumnCount;
        ClassCount = classCount;
        FitIntercept = fitIntercept;
        L2 = l2;
        _design = fitIntercept ? x.Append(Matrix<double>.Build.Dense(x.RowCount, 1, 1.0)) : x.Clone();
        _columns = _design.ToColumnMajorArray();
        _y = y.Clone();
    }

    public int FeatureCount { get; }
    public int ClassCount { get; }
    public bool FitIntercept { get; }
    public double L2 { get; }
    /// <summary>p·K weights, then K intercepts when fitted.</summary>
    public int ParameterCount => (FeatureCount + (FitIntercept ? 1 : 0)) * ClassCount;

    /// <summary>θ as the (p+1, K) matrix Θ = [W; bᵀ] (or W alone).</summary>
    public Matrix<double> ToMatrix(Vector<double> theta)
    {
        Check(theta);
        int p = FeatureCount, rows = _design.ColumnCount;
        return Matrix<double>.Build.Dense(rows, ClassCount, (j, k) => theta[Index(j, k, p)]);
    }

    /// <summary>The inverse of <see cref="ToMatrix"/>.</summary>
    public Vector<double> FromMatrix(Matrix<double> parameters)
    {
        Guard.NotNull(parameters, nameof(parameters));
        var theta = Vector<double>.Build.Dense(ParameterCount);
        for (int j = 0; j < parameters.RowCount; j++)
            for (int k = 0; k < ClassCount; k++) theta[Index(j, k, FeatureCount)] = parameters[j, k];
        return theta;
    }

    public double Value(Vector<double> theta)
    {
        var t = ToMatrix(theta);
        var w = t.SubMatrix(0, FeatureCount, 0, ClassCount);
        return CategoricalCrossEntropy.FromLogits(_y, Logits(t)) + 0.5 * L2 * w.FrobeniusNorm() * w.FrobeniusNorm();
    }

    // <snippet name="softmax-gradient">
    public Vector<double> Gradient(Vector<double> theta)
    {
        var t = ToMatrix(theta);                                                 // (p+1, K)
        var r = CategoricalCrossEntropy.LogitGradient(_y, Logits(t));            // (P − Y)/n, (n, K)
        var g = Matrix<double>.Build.Dense(t.RowCount, ClassCount);              // X̃ᵀ(P − Y)/n: one dot product per entry
        var residuals = r.AsColumnMajorArray();                                  // MathNet's dense storage is column-major
        int n = _y.Count;
        for (int j = 0; j < t.RowCount; j++)
            for (int k = 0; k < ClassCount; k++) g[j, k] = SpanMath.Dot(Column(j), residuals.AsSpan(k * n, n));
        for (int j = 0; j < FeatureCount; j++)
            for (int k = 0; k < ClassCount; k++) g[j, k] += L2 * t[j, k];      // intercept row unpenalised
        return FromMatrix(g);
    }
    // </snippet>

    public Matrix<double> Hessian(Vector<double> theta)
    {
        var t = ToMatrix(theta);
        var prob = SoftmaxFunctions.SoftmaxRowsUnchecked(Logits(t));         // (n, K)
        int n = _y.Count, rows = _design.ColumnCount, p = FeatureCount;
        var h = Matrix<double>.Build.Dense(ParameterCount, ParameterCount);
        // Block (k, l) is X̃ᵀ diag(s) X̃ / n with s_i = p_ik (δ_kl − p_il). Built from SIMD dot products of contiguous
        // design columns (LogisticObjective's kernel): the previous row-scaled copy of X̃ and MathNet's general product
        // per block allocated about 5 GB per softmax fit on 10,000 x 100 (measured, benchmarks/results.md).
        var columns = _columns;
        var s = new double[n];
        var weighted = new double[n];
        for (int k = 0; k < ClassCount; k++)
            for (int l = k; l < ClassCount; l++)
            {
                for (int i = 0; i < n; i++) s[i] = prob[i, k] * ((k == l ? 1.0 : 0.0) - prob[i, l]);
                for (int a = 0; a < rows; a++)
                {
                    var columnA = columns.AsSpan(a * n, n);
                    for (int i = 0; i < n; i++) weighted[i] = s[i] * columnA[i];
                    // Within a diagonal block (k = l) the block is symmetric: c ≥ a suffices; off-diagonal blocks need every c.
                    for (int c = k == l ? a : 0; c < rows; c++)
                    {
                        double v = SpanMath.Dot(weighted, columns.AsSpan(c * n, n)) / n + (k == l && a == c && a < p ? L2 : 0.0);
                        h[Index(a, k, p), Index(c, l, p)] = v;
                        h[Index(c, l, p), Index(a, k, p)] = v;
                    }
                }
            }
        return h;
    }

    // The design as one column-major array (see LogisticObjective): the logits, gradient and Hessian are sweeps over
    // whole contiguous columns; MathNet's general products X̃Θ and X̃ᵀ(P − Y) cost most of an L-BFGS fit (measured).
    private readonly double[] _columns;

    private ReadOnlySpan<double> Column(int j) => new(_columns, j * _y.Count, _y.Count);

    // Z = X̃Θ, (n, K), built column by column: z_k += Θ_jk · x̃_j.
    private Matrix<double> Logits(Matrix<double> t)
    {
        int n = _y.Count;
        var z = new double[n * ClassCount];
        for (int k = 0; k < ClassCount; k++)
            for (int j = 0; j < t.RowCount; j++) SpanMath.AddScaled(z.AsSpan(k * n, n), t[j, k], Column(j));
        return Matrix<double>.Build.Dense(n, ClassCount, z);
    }

    /// <summary>A curvature bound: the softmax Jacobian diag(p) − ppᵀ has eigenvalues ≤ ½, so L ≤ λ_max(X̃ᵀX̃)/(2n) + l2.</summary>
    public double LipschitzBound()
    {
        var gram = _design.TransposeThisAndMultiply(_design) / _y.Count;
        return gram.Evd(Symmetricity.Symmetric).EigenValues.Max(c => c.Real) / 2 + L2;
    }

    // Row j of Θ (j < p: feature j, j = p: intercept), column k, to its position in θ.
    private int Index(int j, int k, int p) => j < p ? k * p + j : p * ClassCount + k;

    private void Check(Vector<double> theta)
    {
        Guard.Vector(theta, nameof(theta));
        Guard.Length(theta.Count, ParameterCount, nameof(theta), $"{FeatureCount}x{ClassCount} weights{(FitIntercept ? $" then {ClassCount} intercepts" : "")}");
    }
}
