using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Estimators;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Clustering;

/// <summary>
/// A Gaussian mixture with full covariances fitted by expectation-maximisation (Week 7, section "Gaussian mixtures
/// and EM"). The model is p(x) = Σ_k π_k N(x | μ_k, Σ_k). The E-step computes the responsibilities
/// r_ik = π_k N(x_i | μ_k, Σ_k) / p(x_i); the M-step sets π_k = N_k / n, μ_k = Σ_i r_ik x_i / N_k and
/// Σ_k = Σ_i r_ik (x_i − μ_k)(x_i − μ_k)ᵀ / N_k + regCovar·I with N_k = Σ_i r_ik. Each EM iteration cannot lower
/// the log-likelihood (it maximises a lower bound that touches it at the current parameters), which
/// <see cref="LogLikelihoodHistory"/> records. Follows scikit-learn 1.2.1's GaussianMixture(covariance_type="full"):
/// the same tolerance rule on the mean log-likelihood, the same regularisation and the same bookkeeping.
/// As a transformer, Transform returns the responsibilities (n x K): the soft version of k-means' labels.
/// </summary>
public sealed class GaussianMixture : ITransformer
{
    private Vector<double>? _weights;
    private Matrix<double>? _means;
    private Matrix<double>[] _covariances = [];
    private double[] _history = [];
    private bool _converged;

    public GaussianMixture(int k, int maxIter = 100, double tol = 1e-3, double regCovar = 1e-6, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(k, nameof(k));
        Guard.Positive(maxIter, nameof(maxIter));
        Guard.NonNegative(tol, nameof(tol));
        Guard.NonNegative(regCovar, nameof(regCovar));
        K = k; MaxIter = maxIter; Tol = tol; RegCovar = regCovar; Seed = seed;
    }

    public int K { get; }
    public int MaxIter { get; }
    /// <summary>Stop when the mean log-likelihood changes by less than this between iterations.</summary>
    public double Tol { get; }
    /// <summary>Added to every covariance diagonal so that a component collapsing onto a few points stays invertible.</summary>
    public double RegCovar { get; }
    /// <summary>Seed of the single k-means run that gives the starting responsibilities in <see cref="Fit(Matrix{double})"/>.</summary>
    public int Seed { get; }

    public bool IsFitted => _weights is not null;
    /// <summary>Mixing proportions π_k (they sum to 1).</summary>
    public Vector<double> Weights { get { Guard.Fitted(IsFitted, nameof(GaussianMixture), nameof(Weights)); return _weights!.Clone(); } }
    /// <summary>K x d component means.</summary>
    public Matrix<double> Means { get { Guard.Fitted(IsFitted, nameof(GaussianMixture), nameof(Means)); return _means!.Clone(); } }
    /// <summary>One d x d covariance per component.</summary>
    public IReadOnlyList<Matrix<double>> Covariances { get { Guard.Fitted(IsFitted, nameof(GaussianMixture), nameof(Covariances)); return _covariances.Select(c => c.Clone()).ToArray(); } }
    /// <summary>Mean log-likelihood of the training rows at each E-step (entry t: the parameters after t M-steps).</summary>
    public IReadOnlyList<double> LogLikelihoodHistory { get { Guard.Fitted(IsFitted, nameof(GaussianMixture), nameof(LogLikelihoodHistory)); return _history; } }
    /// <summary>EM iterations run (scikit-learn's n_iter_).</summary>
    public int Iterations { get { Guard.Fitted(IsFitted, nameof(GaussianMixture), nameof(Iterations)); return _history.Length; } }
    public bool Converged { get { Guard.Fitted(IsFitted, nameof(GaussianMixture), nameof(Converged)); return _converged; } }

    /// <summary>Start from one k-means run (hard responsibilities, then an M-step), as scikit-learn's init_params="kmeans".</summary>
    public GaussianMixture Fit(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        Guard.AtMost(K, x.RowCount, nameof(K), $"one component needs a row, and {nameof(x)} has only {x.RowCount} rows");
        var labels = new KMeans(K, nInit: 1, seed: Seed).Fit(x).Labels;
        var resp = Matrix<double>.Build.Dense(x.RowCount, K, (i, k) => labels[i] == k ? 1.0 : 0.0);
        var (w, mu, cov) = MStep(x, resp);
        return Run(x, w, mu, cov);
    }

    /// <summary>
    /// Start from given means with equal weights and identity covariances: a start that is the same in any language,
    /// used by the tests against scikit-learn (means_init, weights_init uniform, precisions_init = I).
    /// </summary>
    public GaussianMixture Fit(Matrix<double> x, Matrix<double> initialMeans)
    {
        Guard.Matrix(x, nameof(x));
        Guard.Matrix(initialMeans, nameof(initialMeans));
        Guard.AtMost(K, x.RowCount, nameof(K), $"one component needs a row, and {nameof(x)} has only {x.RowCount} rows");
        Guard.HasShape(initialMeans, K, x.ColumnCount, nameof(initialMeans), "K x features");
        var w = Vector<double>.Build.Dense(K, 1.0 / K);
        var cov = Enumerable.Range(0, K).Select(_ => Matrix<double>.Build.DenseIdentity(x.ColumnCount)).ToArray();
        return Run(x, w, initialMeans.Clone(), cov);
    }

    private GaussianMixture Run(Matrix<double> x, Vector<double> w, Matrix<double> mu, Matrix<double>[] cov)
    {
        var history = new List<double>();
        bool converged = false;
        double previous = double.NegativeInfinity;
        // <snippet name="gmm-em">
        for (int iter = 0; iter < MaxIter; iter++)
        {
            var logDensity = WeightedLogDensity(x, w, mu, cov);          // log π_k + log N(x_i | μ_k, Σ_k), n x K
            var (logLikelihood, resp) = Responsibilities(logDensity);    // E-step, with the current parameters
            (w, mu, cov) = MStep(x, resp);                               // M-step: weighted counts, means, covariances
            history.Add(logLikelihood);
            if (Math.Abs(logLikelihood - previous) < Tol) { converged = true; break; }
            previous = logLikelihood;
        }
        // </snippet>
        _weights = w; _means = mu; _covariances = cov; _history = [.. history]; _converged = converged;
        return this;
    }

    private const double MachineEpsilon = 2.220446049250313e-16;   // numpy's finfo(float64).eps

    private (Vector<double> W, Matrix<double> Mu, Matrix<double>[] Cov) MStep(Matrix<double> x, Matrix<double> resp)
    {
        int n = x.RowCount, d = x.ColumnCount;
        // scikit-learn adds 10·machine epsilon to every N_k, so an empty component divides by a tiny number, not by 0.
        var nk = Vector<double>.Build.Dense(K, k => resp.Column(k).Sum() + 10 * MachineEpsilon);
        var mu = resp.TransposeThisAndMultiply(x);                      // K x d: Σ_i r_ik x_i
        for (int k = 0; k < K; k++) mu.SetRow(k, mu.Row(k) / nk[k]);
        var cov = new Matrix<double>[K];
        for (int k = 0; k < K; k++)
        {
            var centred = x - Matrix<double>.Build.Dense(n, d, (_, j) => mu[k, j]);
            var weighted = Matrix<double>.Build.Dense(n, d, (i, j) => resp[i, k] * centred[i, j]);
            cov[k] = weighted.TransposeThisAndMultiply(centred) / nk[k] + RegCovar * Matrix<double>.Build.DenseIdentity(d);
        }
        return (nk / n, mu, cov);
    }

    /// <summary>log π_k + log N(x_i | μ_k, Σ_k) through the Cholesky factor Σ = LLᵀ: log|Σ| = 2 Σ log L_jj, and the
    /// Mahalanobis term is ‖L⁻¹(x − μ)‖², so no inverse of Σ is formed.</summary>
    private static Matrix<double> WeightedLogDensity(Matrix<double> x, Vector<double> w, Matrix<double> mu, Matrix<double>[] cov)
    {
        int n = x.RowCount, d = x.ColumnCount, k = w.Count;
        var result = Matrix<double>.Build.Dense(n, k);
        for (int c = 0; c < k; c++)
        {
            var chol = cov[c].Cholesky();
            double logDet = 0;
            for (int j = 0; j < d; j++) logDet += 2 * Math.Log(chol.Factor[j, j]);
            var factor = chol.Factor;
            var z = new double[d];
            for (int i = 0; i < n; i++)
            {
                double m = 0;
                for (int j = 0; j < d; j++)
                {   // forward substitution: z = L⁻¹(x_i − μ_c)
                    double v = x[i, j] - mu[c, j];
                    for (int l = 0; l < j; l++) v -= factor[j, l] * z[l];
                    z[j] = v / factor[j, j];
                    m += z[j] * z[j];
                }
                result[i, c] = Math.Log(w[c]) - 0.5 * (d * Math.Log(2 * Math.PI) + logDet + m);
            }
        }
        return result;
    }

    /// <summary>Row-wise log-sum-exp: the mean log-likelihood and the responsibilities exp(log density − log p(x_i)).</summary>
    private static (double MeanLogLikelihood, Matrix<double> Resp) Responsibilities(Matrix<double> logDensity)
    {
        int n = logDensity.RowCount, k = logDensity.ColumnCount;
        var resp = Matrix<double>.Build.Dense(n, k);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double logP = Numerics.SoftmaxFunctions.LogSumExp(logDensity.Row(i));
            total += logP;
            for (int c = 0; c < k; c++) resp[i, c] = Math.Exp(logDensity[i, c] - logP);
        }
        return (total / n, resp);
    }

    private Matrix<double> CheckedLogDensity(Matrix<double> x, string member)
    {
        Guard.Fitted(IsFitted, nameof(GaussianMixture), member);
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _means!.ColumnCount, nameof(x));
        return WeightedLogDensity(x, _weights!, _means, _covariances);
    }

    /// <summary>Posterior probabilities of the components, n x K (scikit-learn's predict_proba).</summary>
    public Matrix<double> PredictProbability(Matrix<double> x) => Responsibilities(CheckedLogDensity(x, nameof(PredictProbability))).Resp;

    /// <summary>The most probable component of every row.</summary>
    public int[] Predict(Matrix<double> x)
    {
        var p = PredictProbability(x);
        return Enumerable.Range(0, p.RowCount).Select(i => p.Row(i).MaximumIndex()).ToArray();
    }

    /// <summary>Mean log-likelihood of the rows under the fitted mixture (scikit-learn's score).</summary>
    public double Score(Matrix<double> x) => Responsibilities(CheckedLogDensity(x, nameof(Score))).MeanLogLikelihood;

    /// <summary>
    /// Bayesian information criterion −2·log L + p·log n, with p = (K − 1) + K·d + K·d(d + 1)/2 free parameters:
    /// lower is better; how the notebook chooses K.
    /// </summary>
    public double Bic(Matrix<double> x)
    {
        double logLikelihood = Score(x) * x.RowCount;
        int d = x.ColumnCount;
        int parameters = (K - 1) + K * d + K * d * (d + 1) / 2;
        return -2 * logLikelihood + parameters * Math.Log(x.RowCount);
    }

    public Matrix<double> Transform(Matrix<double> x) => PredictProbability(x);

    ITransformer ITransformer.Fit(Matrix<double> x) => Fit(x);
}
