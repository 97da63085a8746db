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
    private readonly Matrix<double> _design;   // (n, p + 1) with a column of ones, or (n, p)
    private readonly Vector<double> _y;
    private readonly Vector<double> _penaltyMask;   // 1 for a weight, 0 for the intercept

    public LogisticObjective(Matrix<double> x, Vector<double> y, double l2 = 0.0, bool fitIntercept = true)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.NonNegative(l2, nameof(l2));
        FeatureCount = x.ColumnCount;
        FitIntercept = fitIntercept;
        L2 = l2;
        _design = fitIntercept ? x.Append(Matrix<double>.Build.Dense(x.RowCount, 1, 1.0)) : x.Clone();
        _y = y.Clone();
        _penaltyMask = Vector<double>.Build.Dense(ParameterCount, j => j < FeatureCount ? 1.0 : 0.0);
    }

    public int FeatureCount { get; }
    public bool FitIntercept { get; }
    public double L2 { get; }
    /// <summary>Length of θ: p weights, plus one for the intercept.</summary>
    public int ParameterCount => FeatureCount + (FitIntercept ? 1 : 0);
    internal Matrix<double> Design => _design;

    public double Value(Vector<double> theta)
    {
        Check(theta);
        var w = theta.PointwiseMultiply(_penaltyMask);
        return BinaryCrossEntropy.FromLogits(_y, _design * theta) + 0.5 * L2 * w.DotProduct(w);
    }

    // <snippet name="logistic-gradient-hessian">
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        int n = _y.Count;
        var residual = Sigmoid.Of(_design * theta) - _y;                        // σ(z) − y: (n)
        return _design.TransposeThisAndMultiply(residual) / n + L2 * theta.PointwiseMultiply(_penaltyMask);
    }

    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        int n = _y.Count;
        var p = Sigmoid.Of(_design * theta);                                     // (n)
        var weighted = _design.Clone();                                          // rows scaled by s_i = p_i(1 − p_i)
        for (int i = 0; i < n; i++) weighted.SetRow(i, weighted.Row(i) * (p[i] * (1 - p[i])));
        var h = _design.TransposeThisAndMultiply(weighted) / n;                  // X̃ᵀ S X̃ / n: (p+1, p+1)
        for (int j = 0; j < FeatureCount; j++) h[j, j] += L2;                    // the intercept is not penalised
        return h;
    }
    // </snippet>

    /// <summary>A bound on the curvature: λ_max(∇²f) ≤ λ_max(X̃ᵀX̃)/(4n) + l2, since σ(1 − σ) ≤ 1/4. 1/L is a safe gradient step.</summary>
    public double LipschitzBound()
    {
        var gram = _design.TransposeThisAndMultiply(_design) / _y.Count;
        double largest = gram.Evd(Symmetricity.Symmetric).EigenValues.Max(c => c.Real);
        return largest / 4 + L2;
    }

    private void Check(Vector<double> theta)
    {
        Guard.Vector(theta, nameof(theta));
        if (theta.Count != ParameterCount)
            throw new ArgumentException($"{nameof(theta)} must have {ParameterCount} entries ({FeatureCount} weights{(FitIntercept ? " then the intercept" : "")}), but has {theta.Count}.", nameof(theta));
    }
}
