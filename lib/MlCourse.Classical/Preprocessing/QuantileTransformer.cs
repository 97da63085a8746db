using MlCourse.Classical.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>The target distribution of a <see cref="QuantileTransformer"/>.</summary>
public enum QuantileOutput
{
    /// <summary>Uniform on [0, 1]: the value is the (interpolated) empirical CDF.</summary>
    Uniform,
    /// <summary>Standard normal: Φ⁻¹ of the empirical CDF.</summary>
    Normal,
}

/// <summary>
/// Maps each feature through its own empirical CDF (Week 8, "Quantile transformation"): u = F̂(x) is uniform
/// on [0, 1] whatever the shape of x, and Φ⁻¹(u) is standard normal. It is monotone, so ranks are kept, but
/// distances are not: it squashes outliers onto the tails and spreads dense regions apart. F̂ is stored as
/// <see cref="QuantileCount"/> quantiles of the training data and linearly interpolated between them.
/// </summary>
/// <remarks>
/// Follows scikit-learn 1.2's QuantileTransformer (without its subsampling above 100,000 rows): the quantile
/// levels are linspace(0, 1, min(nQuantiles, n)), the quantiles numpy's linear percentiles made non-decreasing;
/// the CDF is the average of interpolating forwards and backwards, so a value repeated across several
/// quantiles lands in the middle of their levels rather than at one end; values at or beyond the training
/// extremes map to 0 and 1, and the normal output is clipped at Φ⁻¹(1e−7) ≈ −5.2 (and +5.2) instead of ±∞.
/// </remarks>
public sealed class QuantileTransformer : ITransformer
{
    private const double BoundsThreshold = 1e-7;
    private double[][]? _quantiles;   // per feature, non-decreasing
    private double[]? _references;

    public QuantileTransformer(int nQuantiles = 1000, QuantileOutput output = QuantileOutput.Uniform)
    {
        Guard.AtLeast(nQuantiles, 2, nameof(nQuantiles));
        Guard.Defined(output, nameof(output));
        NQuantiles = nQuantiles;
        Output = output;
    }

    public int NQuantiles { get; }
    public QuantileOutput Output { get; }

    public bool IsFitted => _quantiles is not null;

    /// <summary>The number of quantiles actually stored: min(NQuantiles, n).</summary>
    public int QuantileCount { get { Guard.Fitted(IsFitted, nameof(QuantileTransformer), nameof(QuantileCount)); return _references!.Length; } }

    /// <summary>The stored quantiles of feature <paramref name="feature"/> (scikit-learn's quantiles_[:, feature]).</summary>
    public double[] Quantiles(int feature)
    {
        Guard.Fitted(IsFitted, nameof(QuantileTransformer), nameof(Quantiles));
        Guard.InRange(feature, 0, _quantiles!.Length - 1, nameof(feature));
        return (double[])_quantiles[feature].Clone();
    }

    public QuantileTransformer Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        int levels = Math.Max(1, Math.Min(NQuantiles, x.RowCount));
        var references = new double[levels];
        for (int k = 0; k < levels; k++) references[k] = levels == 1 ? 0 : (double)k / (levels - 1);
        var quantiles = new double[x.ColumnCount][];
        for (int j = 0; j < x.ColumnCount; j++)
        {
            var sorted = x.Column(j).ToArray();
            Array.Sort(sorted);
            var q = references.Select(r => Percentile.OfSorted(sorted, 100 * r)).ToArray();
            for (int k = 1; k < q.Length; k++) q[k] = Math.Max(q[k], q[k - 1]);   // rounding can break monotonicity
            quantiles[j] = q;
        }
        _references = references;
        _quantiles = quantiles;
        return this;
    }

    public Matrix<double> Transform(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(QuantileTransformer), nameof(Transform));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _quantiles!.Length, nameof(x));
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
            for (int i = 0; i < x.RowCount; i++)
                result[i, j] = TransformValue(x[i, j], _quantiles[j]);
        return result;
    }

    public Matrix<double> FitTransform(Matrix<double> x) => Fit(x).Transform(x);

    private double TransformValue(double value, double[] q)
    {
        var r = _references!;
        // <snippet name="quantile-transform">
        // Empirical CDF by interpolation, averaged with the same on the mirrored (negated, reversed) table, so a value
        // repeated over several quantiles takes the middle of their levels rather than the last one.
        double u = 0.5 * (Interpolate(value, q, r) - Interpolate(-value, Mirror(q), Mirror(r)));
        bool below = Output == QuantileOutput.Normal ? value - BoundsThreshold < q[0] : value == q[0];
        bool above = Output == QuantileOutput.Normal ? value + BoundsThreshold > q[^1] : value == q[^1];
        if (above) u = 1;
        if (below) u = 0;
        if (Output == QuantileOutput.Uniform) return u;
        // Φ⁻¹(0) = −∞: clip the tails at the quantiles of probability 1e−7 instead.
        double clip = Normal.InvCDF(0, 1, 1 - (BoundsThreshold - Math.Pow(2, -52)));
        double z = u <= 0 ? double.NegativeInfinity : u >= 1 ? double.PositiveInfinity : Normal.InvCDF(0, 1, u);
        return Math.Clamp(z, -clip, clip);
        // </snippet>
    }

    private static double[] Mirror(double[] values)
    {
        var m = new double[values.Length];
        for (int k = 0; k < values.Length; k++) m[k] = -values[values.Length - 1 - k];
        return m;
    }

    /// <summary>numpy.interp: xp non-decreasing; clamps outside; among equal xp the last one at or below x wins.</summary>
    internal static double Interpolate(double x, double[] xp, double[] fp)
    {
        if (x < xp[0]) return fp[0];
        if (x >= xp[^1]) return fp[^1];
        int lo = 0, hi = xp.Length - 1;          // invariant: xp[lo] <= x < xp[hi]
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (xp[mid] <= x) lo = mid; else hi = mid;
        }
        if (xp[lo] == x) return fp[lo];
        return fp[lo] + (x - xp[lo]) * (fp[hi] - fp[lo]) / (xp[hi] - xp[lo]);
    }

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
