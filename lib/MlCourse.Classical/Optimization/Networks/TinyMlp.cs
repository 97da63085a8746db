using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Optimization.Networks;

/// <summary>
/// A small fully connected binary classifier written out by hand (Week 3, section 8.3 "Batch norm in a small network"):
/// inputs → [Linear → (BatchNorm) → ReLU] per hidden layer → Linear → one logit, mean log-loss. It exists to show what
/// batch normalisation does to training, with no deep-learning library: forward, backward and the update are all here,
/// and the tests check every gradient against finite differences. Month 3 builds real networks on TorchSharp.
/// </summary>
/// <remarks>
/// Each parameter block (a weight matrix, a bias, γ, β) gets its own optimiser from the factory, so any
/// <see cref="IOptimizer"/> (with its schedule) trains it. In training mode batch norm uses the batch's statistics and
/// updates running averages (momentum 0.1, as PyTorch); <see cref="Loss"/> evaluates with the running averages.
/// Activations are row-major arrays and the products use <see cref="SpanMath"/>: at these sizes MathNet's per-call
/// overhead (and its multi-threading) would dominate a step.
/// </remarks>
public sealed class TinyMlp
{
    private const double Eps = 1e-5;
    private readonly Layer[] _layers;                 // hidden layers, then the output layer (one unit, no batch norm)
    private readonly List<(Vector<double> Parameter, Vector<double> Gradient, IOptimizer Optimizer)> _blocks = [];

    private sealed class Layer(int inputs, int outputs, bool batchNorm)
    {
        public readonly int Inputs = inputs, Outputs = outputs;
        public readonly bool BatchNorm = batchNorm;
        public readonly double[] W = new double[outputs * inputs];       // row j = the weights into unit j
        public readonly double[] B = new double[outputs];
        public readonly double[] Gamma = Enumerable.Repeat(1.0, outputs).ToArray();
        public readonly double[] Beta = new double[outputs];
        public readonly double[] RunningMean = new double[outputs];
        public readonly double[] RunningVar = Enumerable.Repeat(1.0, outputs).ToArray();
        public readonly double[] DW = new double[outputs * inputs], DB = new double[outputs], DGamma = new double[outputs], DBeta = new double[outputs];
    }

    /// <summary>What the forward pass keeps per layer: its input, and (batch norm) ẑ and 1/σ; the pre-ReLU values.</summary>
    private sealed record Cache(double[] Input, double[] PreActivation, double[]? Normalised, double[]? InverseStd);

    /// <param name="inputs">Features per row.</param>
    /// <param name="hidden">Width of each hidden layer, e.g. [32, 32].</param>
    /// <param name="batchNorm">Batch norm between each hidden layer's linear map and its ReLU.</param>
    /// <param name="optimizer">Makes one optimiser per parameter block (a new instance each call).</param>
    /// <param name="seed">He-normal initial weights (std √(2/fan-in)), zero biases.</param>
    public TinyMlp(int inputs, IReadOnlyList<int> hidden, bool batchNorm, Func<IOptimizer> optimizer, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(inputs, nameof(inputs));
        Guard.NotEmpty(hidden, nameof(hidden));
        foreach (int width in hidden) Guard.Positive(width, nameof(hidden));
        Guard.NotNull(optimizer, nameof(optimizer));
        BatchNormalised = batchNorm;
        var rng = Seeded.Random(seed);
        _layers = new Layer[hidden.Count + 1];
        int fanIn = inputs;
        for (int l = 0; l <= hidden.Count; l++)
        {
            bool output = l == hidden.Count;
            var layer = _layers[l] = new Layer(fanIn, output ? 1 : hidden[l], batchNorm && !output);
            double std = Math.Sqrt((output ? 1.0 : 2.0) / fanIn);     // He for ReLU layers, Glorot-like for the logit
            for (int k = 0; k < layer.W.Length; k++) layer.W[k] = std * rng.NextGaussian();
            AddBlock(layer.W, layer.DW, optimizer);
            AddBlock(layer.B, layer.DB, optimizer);
            if (layer.BatchNorm) { AddBlock(layer.Gamma, layer.DGamma, optimizer); AddBlock(layer.Beta, layer.DBeta, optimizer); }
            fanIn = layer.Outputs;
        }
    }

    private void AddBlock(double[] storage, double[] gradient, Func<IOptimizer> optimizer)
    {
        // Each block keeps its own optimiser state (velocity, moment estimates), so the factory must make a new one each call.
        var built = optimizer() ?? throw new ArgumentException($"{nameof(optimizer)} returned null.", nameof(optimizer));
        if (_blocks.Any(b => ReferenceEquals(b.Optimizer, built)))
            throw new ArgumentException($"{nameof(optimizer)} must build a new optimiser on each call (() => new Adam(...)), but returned the same instance twice.", nameof(optimizer));
        _blocks.Add((Vector<double>.Build.Dense(storage), Vector<double>.Build.Dense(gradient), built));   // views on the arrays
    }

    public bool BatchNormalised { get; }

    /// <summary>The parameter blocks in a fixed order (views on the network's own storage: changing them changes the network).</summary>
    public IReadOnlyList<Vector<double>> Parameters => _blocks.Select(b => b.Parameter).ToArray();

    /// <summary>∂loss/∂parameter for each block of <see cref="Parameters"/>, as left by the last <see cref="ComputeGradients"/> or <see cref="TrainStep"/>.</summary>
    public IReadOnlyList<Vector<double>> Gradients => _blocks.Select(b => b.Gradient).ToArray();

    /// <summary>Mean log-loss of a batch in training mode (batch statistics), without changing anything.</summary>
    public double BatchLoss(Matrix<double> x, Vector<double> y)
    {
        Check(x, y);
        return LogLoss(Forward(x.ToRowMajorArray(), x.RowCount, training: true, updateRunning: false, caches: null), y);
    }

    /// <summary>The training-mode loss of a batch and its gradient (into <see cref="Gradients"/>); parameters unchanged.</summary>
    public double ComputeGradients(Matrix<double> x, Vector<double> y)
    {
        Check(x, y);
        var caches = new Cache[_layers.Length];
        var logits = Forward(x.ToRowMajorArray(), x.RowCount, training: true, updateRunning: false, caches);
        Backward(logits, y, caches);
        return LogLoss(logits, y);
    }

    /// <summary>One update: training-mode forward (updating batch norm's running averages), backward, a step of every block's optimiser. Returns the batch loss before the step (NaN or ∞ once training has diverged).</summary>
    public double TrainStep(Matrix<double> x, Vector<double> y)
    {
        Check(x, y);
        var caches = new Cache[_layers.Length];
        var logits = Forward(x.ToRowMajorArray(), x.RowCount, training: true, updateRunning: true, caches);
        double loss = LogLoss(logits, y);
        if (!double.IsFinite(loss)) return loss;
        Backward(logits, y, caches);
        foreach (var (parameter, gradient, optimizer) in _blocks) optimizer.Step(parameter, gradient);
        return loss;
    }

    /// <summary>Mean log-loss in evaluation mode (batch norm uses its running averages).</summary>
    public double Loss(Matrix<double> x, Vector<double> y)
    {
        Check(x, y);
        return LogLoss(Forward(x.ToRowMajorArray(), x.RowCount, training: false, updateRunning: false, caches: null), y);
    }

    /// <summary>P(y = 1) per row, evaluation mode.</summary>
    public Vector<double> PredictProbability(Matrix<double> x)
    {
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _layers[0].Inputs, nameof(x));
        var logits = Forward(x.ToRowMajorArray(), x.RowCount, training: false, updateRunning: false, caches: null);
        return Vector<double>.Build.Dense(logits.Length, i => 1 / (1 + Math.Exp(-logits[i])));
    }

    // Row-major activations: a[i * width + k]. Returns the n logits.
    private double[] Forward(double[] a, int n, bool training, bool updateRunning, Cache[]? caches)
    {
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            int h = layer.Outputs, d = layer.Inputs;
            var z = new double[n * h];                                               // (n, h)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < h; j++)
                    z[i * h + j] = SpanMath.Dot(a.AsSpan(i * d, d), layer.W.AsSpan(j * d, d)) + layer.B[j];
            double[]? normalised = null, inverseStd = null;
            if (layer.BatchNorm && training)
            {
                normalised = new double[n * h];
                inverseStd = new double[h];
                var output = new double[n * h];
                BatchNorm.Forward(z, n, h, layer.Gamma, layer.Beta, Eps, output, normalised, inverseStd);
                if (updateRunning) UpdateRunning(layer, z, n);
                z = output;
            }
            else if (layer.BatchNorm)
                for (int j = 0; j < h; j++)
                {
                    double scale = layer.Gamma[j] / Math.Sqrt(layer.RunningVar[j] + Eps);
                    for (int i = 0; i < n; i++) z[i * h + j] = scale * (z[i * h + j] - layer.RunningMean[j]) + layer.Beta[j];
                }
            if (caches is not null) caches[l] = new Cache(a, z, normalised, inverseStd);
            if (l == _layers.Length - 1) return z;                                   // the logits: no ReLU
            var next = new double[n * h];
            for (int k = 0; k < next.Length; k++) next[k] = Math.Max(z[k], 0);       // ReLU
            a = next;
        }
        throw new InvalidOperationException("unreachable: the last layer returns");
    }

    private static void UpdateRunning(Layer layer, double[] z, int n)
    {
        int h = layer.Outputs;
        for (int j = 0; j < h; j++)
        {
            double mean = 0, variance = 0;
            for (int i = 0; i < n; i++) mean += z[i * h + j];
            mean /= n;
            for (int i = 0; i < n; i++) variance += (z[i * h + j] - mean) * (z[i * h + j] - mean);
            variance /= n - 1;                                                       // PyTorch keeps the unbiased variance
            layer.RunningMean[j] = 0.9 * layer.RunningMean[j] + 0.1 * mean;
            layer.RunningVar[j] = 0.9 * layer.RunningVar[j] + 0.1 * variance;
        }
    }

    private void Backward(double[] logits, Vector<double> y, Cache[] caches)
    {
        int n = logits.Length;
        var dz = new double[n];
        for (int i = 0; i < n; i++) dz[i] = (1 / (1 + Math.Exp(-logits[i])) - y[i]) / n;   // ∂mean loss/∂f = (σ(f) − y)/n
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            var cache = caches[l];
            int h = layer.Outputs, d = layer.Inputs;
            if (l < _layers.Length - 1)
            {
                for (int k = 0; k < dz.Length; k++) if (cache.PreActivation[k] <= 0) dz[k] = 0;   // through ReLU
                if (layer.BatchNorm)
                {
                    var dPre = new double[n * h];
                    BatchNorm.Backward(dz, cache.Normalised!, cache.InverseStd!, n, h, layer.Gamma, dPre, layer.DGamma, layer.DBeta);
                    dz = dPre;
                }
            }
            Array.Clear(layer.DW);
            Array.Clear(layer.DB);
            var dA = new double[n * d];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < h; j++)
                {
                    double g = dz[i * h + j];
                    if (g == 0) continue;
                    layer.DB[j] += g;
                    SpanMath.AddScaled(layer.DW.AsSpan(j * d, d), g, cache.Input.AsSpan(i * d, d));   // ∂W_j += g · a_i
                    SpanMath.AddScaled(dA.AsSpan(i * d, d), g, layer.W.AsSpan(j * d, d));             // ∂a_i += g · W_j
                }
            dz = dA;
        }
    }

    private static double LogLoss(double[] logits, Vector<double> y)
    {
        double loss = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double f = logits[i];
            loss += Math.Max(f, 0) + Math.Log(1 + Math.Exp(-Math.Abs(f))) - y[i] * f;   // log(1 + eᶠ) − y·f, stable
        }
        return loss / logits.Length;
    }

    private void Check(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.FeatureCount(x, _layers[0].Inputs, nameof(x));
        if (BatchNormalised) Guard.AtLeast(x.RowCount, 2, $"rows of {nameof(x)}", "batch norm needs at least two rows per batch");
    }
}
