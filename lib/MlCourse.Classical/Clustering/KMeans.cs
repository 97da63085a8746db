using MlCourse.Classical.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Clustering;

/// <summary>
/// K-means by Lloyd's algorithm with k-means++ seeding and <see cref="NInit"/> restarts (Week 7,
/// section 8 "K-means, k-means++ and the EM connection"). Minimises the inertia Σᵢ ‖xᵢ − μ_{c(i)}‖² by alternating
/// the two steps that each cannot increase it: assign every point to its nearest centre (best c for
/// fixed μ), then move every centre to the mean of its points (best μ for fixed c).
/// </summary>
/// <remarks>
/// Convergence follows scikit-learn 1.2.1: stop when the labels no longer change, or when the summed
/// squared movement of the centres is at most <see cref="Tol"/> times the mean per-feature variance of
/// X. A cluster that loses all its points is moved onto the point farthest from its own centre, so k
/// clusters always come back. Seeding is the classical D² sampling of Arthur and Vassilvitskii (2007);
/// scikit-learn's "greedy" k-means++ tries 2 + ln k candidates per step, so its draws differ from ours.
/// </remarks>
public sealed class KMeans : IClusterer
{
    private Matrix<double>? _centers;
    private int[]? _labels;
    private double _inertia;
    private int _nIter;

    public KMeans(int k, int nInit = 10, int maxIter = 300, double tol = 1e-4, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(k, nameof(k));
        Guard.Positive(nInit, nameof(nInit));
        Guard.Positive(maxIter, nameof(maxIter));
        Guard.NonNegative(tol, nameof(tol));
        K = k; NInit = nInit; MaxIter = maxIter; Tol = tol; Seed = seed;
    }

    public int K { get; }
    /// <summary>Independent k-means++ restarts; the run with the lowest inertia is kept.</summary>
    public int NInit { get; }
    public int MaxIter { get; }
    public double Tol { get; }
    public int Seed { get; }

    public bool IsFitted => _centers is not null;
    /// <summary>k x p centres of the best run.</summary>
    public Matrix<double> ClusterCenters { get { Guard.Fitted(IsFitted, nameof(KMeans), nameof(ClusterCenters)); return _centers!.Clone(); } }
    /// <summary>Cluster of every training row, 0..k-1.</summary>
    public int[] Labels { get { Guard.Fitted(IsFitted, nameof(KMeans), nameof(Labels)); return (int[])_labels!.Clone(); } }
    /// <summary>Sum of squared distances of the training rows to their centres.</summary>
    public double Inertia { get { Guard.Fitted(IsFitted, nameof(KMeans), nameof(Inertia)); return _inertia; } }
    /// <summary>Lloyd iterations of the best run.</summary>
    public int NIter { get { Guard.Fitted(IsFitted, nameof(KMeans), nameof(NIter)); return _nIter; } }

    /// <summary>Fit with <see cref="NInit"/> k-means++ seedings.</summary>
    public KMeans Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        Guard.AtMost(K, x.RowCount, nameof(K), $"one cluster needs a row, and {nameof(x)} has only {x.RowCount} rows");
        int n = x.RowCount, p = x.ColumnCount;
        var data = SpanMath.RowMajor(x);
        double tol = ScaledTol(data, n, p);
        var rng = Seeded.Random(Seed);
        (double[] C, int[] L, double I, int It)? best = null;
        for (int run = 0; run < NInit; run++)
        {
            var init = PlusPlusInit(data, n, p, K, rng);
            var result = Lloyd(data, n, p, init, K, MaxIter, tol);
            if (best is null || result.Inertia < best.Value.I) best = (result.Centers, result.Labels, result.Inertia, result.NIter);
        }
        Store(best!.Value.C, p, best.Value.L, best.Value.I, best.Value.It);
        return this;
    }

    /// <summary>
    /// Fit from given initial centres (one Lloyd run, <see cref="NInit"/> ignored): how the tests compare
    /// Lloyd iterations with scikit-learn exactly, and how a notebook shows one run step by step.
    /// </summary>
    public KMeans Fit(Matrix<double> x, Matrix<double> initialCenters)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Matrix(initialCenters, nameof(initialCenters));
        Guard.AtMost(K, x.RowCount, nameof(K), $"one cluster needs a row, and {nameof(x)} has only {x.RowCount} rows");
        Guard.HasShape(initialCenters, K, x.ColumnCount, nameof(initialCenters), "K x features");
        int n = x.RowCount, p = x.ColumnCount;
        var data = SpanMath.RowMajor(x);
        var result = Lloyd(data, n, p, SpanMath.RowMajor(initialCenters), K, MaxIter, ScaledTol(data, n, p));
        Store(result.Centers, p, result.Labels, result.Inertia, result.NIter);
        return this;
    }

    IClusterer IClusterer.Fit(Matrix<double> x) => Fit(x);

    /// <summary>Nearest fitted centre of every row.</summary>
    public int[] Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(KMeans), nameof(Predict));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _centers!.ColumnCount, nameof(x));
        int n = x.RowCount, p = x.ColumnCount;
        var labels = new int[n];
        Assign(SpanMath.RowMajor(x), n, p, SpanMath.RowMajor(_centers), K, labels);
        return labels;
    }

    /// <summary>The D² seeding on its own (k x p), for the notebook and the drill comparison.</summary>
    public static Matrix<double> KMeansPlusPlus(Matrix<double> x, int k, int seed = Seeded.DefaultSeed)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Positive(k, nameof(k));
        Guard.AtMost(k, x.RowCount, nameof(k), $"one cluster needs a row, and {nameof(x)} has only {x.RowCount} rows");
        int p = x.ColumnCount;
        var c = PlusPlusInit(SpanMath.RowMajor(x), x.RowCount, p, k, Seeded.Random(seed));
        return Matrix<double>.Build.Dense(k, p, (i, j) => c[i * p + j]);
    }

    private void Store(double[] centers, int p, int[] labels, double inertia, int nIter)
    {
        _centers = Matrix<double>.Build.Dense(K, p, (i, j) => centers[i * p + j]);
        _labels = labels; _inertia = inertia; _nIter = nIter;
    }

    // scikit-learn's tolerance is relative to the data's scale: tol · mean_j Var(X[:, j]).
    private double ScaledTol(double[] data, int n, int p)
    {
        double total = 0.0;
        for (int j = 0; j < p; j++)
        {
            double mean = 0.0;
            for (int i = 0; i < n; i++) mean += data[i * p + j];
            mean /= n;
            double v = 0.0;
            for (int i = 0; i < n; i++) { double d = data[i * p + j] - mean; v += d * d; }
            total += v / n;
        }
        return Tol * total / p;
    }

    // <snippet name="kmeans-plus-plus">
    internal static double[] PlusPlusInit(double[] x, int n, int p, int k, Random rng)
    {
        var centers = new double[k * p];
        int first = rng.Next(n);
        Array.Copy(x, first * p, centers, 0, p);
        // d2[i] = squared distance from x_i to its nearest chosen centre so far.
        var d2 = new double[n];
        for (int i = 0; i < n; i++) d2[i] = SpanMath.SquaredDistance(x, i * p, centers, 0, p);
        for (int c = 1; c < k; c++)
        {
            double total = 0.0;
            for (int i = 0; i < n; i++) total += d2[i];
            // Sample the next centre with probability d2[i] / total: far points are likely, not certain,
            // so a single outlier does not always become a centre (taking the argmax would do that).
            int chosen = n - 1;
            if (total > 0)
            {
                double u = rng.NextDouble() * total, acc = 0.0;
                for (int i = 0; i < n; i++) { acc += d2[i]; if (acc > u) { chosen = i; break; } }
            }
            else chosen = rng.Next(n);
            Array.Copy(x, chosen * p, centers, c * p, p);
            for (int i = 0; i < n; i++)
                d2[i] = Math.Min(d2[i], SpanMath.SquaredDistance(x, i * p, centers, c * p, p));
        }
        return centers;
    }
    // </snippet>

    // <snippet name="kmeans-lloyd">
    internal static (double[] Centers, int[] Labels, double Inertia, int NIter) Lloyd(
        double[] x, int n, int p, double[] initialCenters, int k, int maxIter, double tol)
    {
        var centers = (double[])initialCenters.Clone();
        var next = new double[k * p];
        var counts = new int[k];
        var labels = new int[n];
        var previous = new int[n];
        Array.Fill(previous, -1);
        int iter = 0;
        bool labelsStable = false;
        while (iter < maxIter)
        {
            iter++;
            Assign(x, n, p, centers, k, labels);                        // E-step: nearest centre
            Array.Clear(next); Array.Clear(counts);
            for (int i = 0; i < n; i++)                                  // M-step: centre = mean of its points
            {
                int c = labels[i]; counts[c]++;
                for (int j = 0; j < p; j++) next[c * p + j] += x[i * p + j];
            }
            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0) { RelocateEmpty(x, n, p, centers, labels, next, c); continue; }
                for (int j = 0; j < p; j++) next[c * p + j] /= counts[c];
            }
            double shift = 0.0;
            for (int t = 0; t < k * p; t++) { double d = next[t] - centers[t]; shift += d * d; }
            (centers, next) = (next, centers);
            if (labels.AsSpan().SequenceEqual(previous)) { labelsStable = true; break; }
            if (shift <= tol) break;
            Array.Copy(labels, previous, n);
        }
        // Stopped on small centre movement: the labels must describe the final centres.
        if (!labelsStable) Assign(x, n, p, centers, k, labels);
        double inertia = 0.0;
        for (int i = 0; i < n; i++) inertia += SpanMath.SquaredDistance(x, i * p, centers, labels[i] * p, p);
        return (centers, labels, inertia, iter);
    }
    // </snippet>

    private static void Assign(double[] x, int n, int p, double[] centers, int k, int[] labels)
    {
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            double bestD = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double d = SpanMath.SquaredDistance(x, i * p, centers, c * p, p);
                if (d < bestD) { bestD = d; best = c; }
            }
            labels[i] = best;
        }
    }

    // An empty cluster would have an undefined mean: put it on the point worst served by its current centre.
    private static void RelocateEmpty(double[] x, int n, int p, double[] centers, int[] labels, double[] next, int empty)
    {
        int far = 0;
        double farD = -1.0;
        for (int i = 0; i < n; i++)
        {
            double d = SpanMath.SquaredDistance(x, i * p, centers, labels[i] * p, p);
            if (d > farD) { farD = d; far = i; }
        }
        Array.Copy(x, far * p, next, empty * p, p);
        labels[far] = empty;
    }
}
