using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Decomposition;

/// <summary>
/// Exact t-SNE (van der Maaten and Hinton 2008; Week 7, section 6 "t-SNE from its definition"): Gaussian affinities
/// in the input space with a per-point bandwidth set by a target perplexity, symmetrised into a joint P;
/// Student-t (one degree of freedom) affinities Q in the embedding; gradient descent on KL(P‖Q) with early
/// exaggeration, momentum and per-coordinate gains, as scikit-learn 1.2.1's exact method. O(n²) a step:
/// meant for a few hundred to a few thousand points.
/// </summary>
public sealed class Tsne
{
    /// <summary>scikit-learn's floor for probabilities (np.finfo(np.double).eps).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;
    private Matrix<double>? _embedding;
    private List<(int Iteration, double Kl)>? _history;

    /// <param name="learningRate">null: scikit-learn's "auto", max(n / earlyExaggeration / 4, 50).</param>
    public Tsne(double perplexity = 30.0, int nComponents = 2, double earlyExaggeration = 12.0, double? learningRate = null,
        int maxIter = 1000, int exaggerationIter = 250, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(perplexity, nameof(perplexity));
        Guard.Positive(nComponents, nameof(nComponents));
        Guard.Positive(earlyExaggeration, nameof(earlyExaggeration));
        if (learningRate is double lr) Guard.Positive(lr, nameof(learningRate));
        Guard.Positive(maxIter, nameof(maxIter));
        Guard.InRange(exaggerationIter, 0, maxIter, nameof(exaggerationIter));
        Perplexity = perplexity; NComponents = nComponents; EarlyExaggeration = earlyExaggeration;
        LearningRate = learningRate; MaxIter = maxIter; ExaggerationIter = exaggerationIter; Seed = seed;
    }

    public double Perplexity { get; }
    public int NComponents { get; }
    public double EarlyExaggeration { get; }
    public double? LearningRate { get; }
    public int MaxIter { get; }
    public int ExaggerationIter { get; }
    public int Seed { get; }
    public bool IsFitted => _embedding is not null;
    public Matrix<double> Embedding { get { Guard.Fitted(IsFitted, nameof(Tsne), nameof(Embedding)); return _embedding!.Clone(); } }
    /// <summary>KL(P‖Q) with the true (not exaggerated) P, every 10 iterations and at the end.</summary>
    public IReadOnlyList<(int Iteration, double Kl)> KlHistory { get { Guard.Fitted(IsFitted, nameof(Tsne), nameof(KlHistory)); return _history!.ToArray(); } }

    /// <summary>
    /// Conditional probabilities p_{j|i} ∝ exp(−β_i ‖x_i − x_j‖²) (n x n, rows sum to 1, zero diagonal), with
    /// β_i = 1/(2σ_i²) found by bisection so that the row's entropy is ln(perplexity) within <paramref name="tol"/> nats.
    /// </summary>
    public static (Matrix<double> P, double[] Beta) ConditionalProbabilities(Matrix<double> x, double perplexity, double tol = 1e-5)
    {
        Guard.Matrix(x, nameof(x));
        CheckPerplexity(perplexity, x.RowCount);
        Guard.Positive(tol, nameof(tol));
        int n = x.RowCount;
        var d2 = SquaredDistances(x);
        var p = new double[n * n];
        var beta = BinarySearch(d2, n, perplexity, tol, p);
        return (Matrix<double>.Build.Dense(n, n, (i, j) => p[i * n + j]), beta);
    }

    /// <summary>The joint P = (P_cond + P_condᵀ) / (2n), floored at machine epsilon off the diagonal (scikit-learn's _joint_probabilities).</summary>
    public static Matrix<double> JointProbabilities(Matrix<double> x, double perplexity)
    {
        Guard.Matrix(x, nameof(x));
        CheckPerplexity(perplexity, x.RowCount);
        int n = x.RowCount;
        var p = Joint(x, perplexity);
        return Matrix<double>.Build.Dense(n, n, (i, j) => p[i * n + j]);
    }

    /// <summary>Perplexity exp(H) of one probability row (natural-log entropy, zeros skipped).</summary>
    public static double PerplexityOf(Vector<double> row)
    {
        Guard.Vector(row, nameof(row));
        double h = 0.0;
        foreach (var v in row) if (v > 0) h -= v * Math.Log(v);
        return Math.Exp(h);
    }

    /// <summary>KL(P‖Q) and its gradient with respect to the embedding Y (n x d), for a joint P (n x n).</summary>
    public static (double Kl, Matrix<double> Gradient) KlAndGradient(Matrix<double> p, Matrix<double> y)
    {
        Guard.Matrix(p, nameof(p));
        Guard.Matrix(y, nameof(y));
        Guard.HasShape(p, y.RowCount, y.RowCount, nameof(p), "n x n with n = rows of y");
        int n = y.RowCount, d = y.ColumnCount;
        var pa = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) pa[i * n + j] = p[i, j];
        var ya = new double[n * d];
        for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) ya[i * d + c] = y[i, c];
        var grad = new double[n * d];
        double kl = KlGradient(pa, ya, n, d, grad, new double[n * n], computeKl: true);
        return (kl, Matrix<double>.Build.Dense(n, d, (i, c) => grad[i * d + c]));
    }

    public Matrix<double> FitTransform(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        CheckPerplexity(Perplexity, x.RowCount);
        int n = x.RowCount, d = NComponents;
        var p = Joint(x, Perplexity);
        var y = InitialEmbedding(x, d);
        double lr = LearningRate ?? Math.Max(n / EarlyExaggeration / 4.0, 50.0);
        _history = new List<(int, double)>();
        _embedding = Optimise(p, y, n, d, lr, _history);
        return _embedding.Clone();
    }

    // <snippet name="tsne-optimise">
    private Matrix<double> Optimise(double[] p, double[] y, int n, int d, double lr, List<(int, double)> history)
    {
        var grad = new double[n * d];
        var update = new double[n * d];
        var gains = new double[n * d];
        Array.Fill(gains, 1.0);
        var num = new double[n * n];
        var pExaggerated = new double[n * n];
        for (int t = 0; t < n * n; t++) pExaggerated[t] = p[t] * EarlyExaggeration;
        for (int iter = 0; iter < MaxIter; iter++)
        {
            bool early = iter < ExaggerationIter;
            // Early exaggeration multiplies P, so attractions dominate and clusters form and separate
            // while the points can still move freely; the low momentum lets them travel together.
            double momentum = early ? 0.5 : 0.8;
            bool record = iter % 10 == 0 || iter == MaxIter - 1;
            KlGradient(early ? pExaggerated : p, y, n, d, grad, num, computeKl: false);
            for (int t = 0; t < n * d; t++)
            {
                // Delta-bar-delta gains: grow a step size while the gradient keeps its direction, shrink it when it flips.
                gains[t] = Math.Sign(update[t]) != Math.Sign(grad[t]) ? gains[t] + 0.2 : Math.Max(gains[t] * 0.8, 0.01);
                update[t] = momentum * update[t] - lr * gains[t] * grad[t];
                y[t] += update[t];
            }
            if (record) history.Add((iter + 1, KlGradient(p, y, n, d, grad, num, computeKl: true)));
        }
        return Matrix<double>.Build.Dense(n, d, (i, c) => y[i * d + c]);
    }

    // q_ij = w_ij / Σ w with w_ij = 1 / (1 + ‖y_i − y_j‖²); ∂KL/∂y_i = 4 Σ_j (p_ij − q_ij) w_ij (y_i − y_j).
    internal static double KlGradient(double[] p, double[] y, int n, int d, double[] grad, double[] w, bool computeKl)
    {
        double z = 0.0;
        for (int i = 0; i < n; i++)
        {
            w[i * n + i] = 0.0;
            for (int j = i + 1; j < n; j++)
            {
                double s = 0.0;
                for (int c = 0; c < d; c++) { double diff = y[i * d + c] - y[j * d + c]; s += diff * diff; }
                double wij = 1.0 / (1.0 + s);
                w[i * n + j] = w[j * n + i] = wij;
                z += 2.0 * wij;
            }
        }
        Array.Clear(grad);
        double kl = 0.0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (i == j) continue;
                double wij = w[i * n + j];
                double q = Math.Max(wij / z, MachineEpsilon);
                double coefficient = 4.0 * (p[i * n + j] - q) * wij;
                for (int c = 0; c < d; c++) grad[i * d + c] += coefficient * (y[i * d + c] - y[j * d + c]);
                if (computeKl) kl += p[i * n + j] * Math.Log(Math.Max(p[i * n + j], MachineEpsilon) / q);
            }
        return kl;
    }
    // </snippet>

    // <snippet name="tsne-perplexity">
    private static double[] BinarySearch(double[] d2, int n, double perplexity, double tol, double[] p)
    {
        double target = Math.Log(perplexity);          // entropy in nats that the row must reach
        var beta = new double[n];
        for (int i = 0; i < n; i++)
        {
            double lo = 0.0, hi = double.PositiveInfinity, b = 1.0;
            // exp(−β d) is shift-invariant after normalising: subtract the nearest distance so it never underflows to 0.
            double dMin = double.PositiveInfinity;
            for (int j = 0; j < n; j++) if (j != i) dMin = Math.Min(dMin, d2[i * n + j]);
            for (int step = 0; step < 200; step++)
            {
                double sum = 0.0, weighted = 0.0;
                for (int j = 0; j < n; j++)
                {
                    if (j == i) { p[i * n + j] = 0.0; continue; }
                    double e = Math.Exp(-b * (d2[i * n + j] - dMin));
                    p[i * n + j] = e; sum += e; weighted += e * (d2[i * n + j] - dMin);
                }
                // H = log Σ e_j + β Σ p_j (d_j − d_min): larger β (narrower kernel) means lower entropy.
                double entropy = Math.Log(sum) + b * weighted / sum;
                for (int j = 0; j < n; j++) p[i * n + j] /= sum;
                double diff = entropy - target;
                if (Math.Abs(diff) <= tol) break;
                if (diff > 0) { lo = b; b = double.IsPositiveInfinity(hi) ? b * 2.0 : (b + hi) / 2.0; }
                else { hi = b; b = (b + lo) / 2.0; }
            }
            beta[i] = b;
        }
        return beta;
    }
    // </snippet>

    private static double[] Joint(Matrix<double> x, double perplexity)
    {
        int n = x.RowCount;
        var cond = new double[n * n];
        BinarySearch(SquaredDistances(x), n, perplexity, 1e-5, cond);
        var p = new double[n * n];
        double total = 0.0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) total += cond[i * n + j] + cond[j * n + i];
        total = Math.Max(total, MachineEpsilon);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                p[i * n + j] = i == j ? 0.0 : Math.Max((cond[i * n + j] + cond[j * n + i]) / total, MachineEpsilon);
        return p;
    }

    private static double[] SquaredDistances(Matrix<double> x)
    {
        int n = x.RowCount, p = x.ColumnCount;
        var a = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) a[i * p + j] = x[i, j];
        var d2 = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double s = 0.0;
                for (int c = 0; c < p; c++) { double t = a[i * p + c] - a[j * p + c]; s += t * t; }
                d2[i * n + j] = d2[j * n + i] = s;
            }
        return d2;
    }

    // scikit-learn 1.2's init="pca": the first PCA scores, rescaled so the first coordinate has standard
    // deviation 1e-4 (a tiny, deterministic start that keeps the global layout of the data).
    private double[] InitialEmbedding(Matrix<double> x, int d)
    {
        int n = x.RowCount;
        var y = new double[n * d];
        if (d <= Math.Min(n, x.ColumnCount))
        {
            var z = new Pca(d).FitTransform(x);
            double sd = z.Column(0).StandardDeviation() * Math.Sqrt((n - 1.0) / n);
            double scale = sd > 0 ? 1e-4 / sd : 1.0;
            for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) y[i * d + c] = z[i, c] * scale;
        }
        else
        {
            var rng = Seeded.Random(Seed);
            for (int t = 0; t < n * d; t++) y[t] = 1e-4 * rng.NextGaussian();
        }
        return y;
    }

    private static void CheckPerplexity(double perplexity, int n)
    {
        Guard.Positive(perplexity, nameof(perplexity));
        if (!(perplexity < n - 1))
            throw new ArgumentOutOfRangeException(nameof(perplexity), perplexity,
                $"perplexity = {perplexity} is too large for {n} samples: it is an effective number of neighbours, so it must be less than n − 1 = {n - 1}.");
    }
}
