using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>
/// A multi-layer perceptron in plain C# arrays, with a hand-written backward pass (Week 9, "An MLP
/// in plain arrays"). Layer l maps a_(l−1) to z_l = a_(l−1) W_lᵀ + b_l and a_l = φ(z_l); the last
/// layer has no activation (its z are the logits or the regression output). Weights are stored as
/// PyTorch's nn.Linear stores them, W_l of shape (out, in) row-major, so the same numbers can be
/// copied into a TorchSharp model and the two compared (they agree to ~1e-12 in float64; tests).
/// <code>
/// var mlp = new ScratchMlp([784, 128, 10], ActivationKind.Relu, WeightInit.He, seed: 42);
/// var pass = mlp.Forward(x, batch);                          // x: (batch, 784) row-major
/// var (loss, dLogits) = ScratchLosses.SoftmaxCrossEntropy(pass.Output, batch, 10, labels);
/// var grads = mlp.Backward(pass, dLogits);                   // dL/dW_l, dL/db_l for every layer
/// </code>
/// </summary>
public sealed class ScratchMlp
{
    private readonly int[] _sizes;
    private readonly double[][] _weights, _biases;

    /// <param name="sizes">Units per layer, input first: [784, 128, 10] is one hidden layer of 128.</param>
    /// <param name="hidden">The activation of every hidden layer (the output layer has none).</param>
    /// <param name="init">How the weights are drawn; biases start at 0.</param>
    /// <param name="seed">Seeds the weight draws (layer by layer, in order).</param>
    public ScratchMlp(IReadOnlyList<int> sizes, ActivationKind hidden = ActivationKind.Relu, WeightInit init = WeightInit.He, int seed = Seeded.DefaultSeed)
    {
        _sizes = CheckSizes(sizes);
        Guard.Defined(init, nameof(init));
        Hidden = Activation.Of(hidden);
        Init = init;
        var rng = Seeded.Random(seed);
        _weights = new double[LayerCount][];
        _biases = new double[LayerCount][];
        for (int l = 0; l < LayerCount; l++)
        {
            _weights[l] = Initialisation.Draw(init, _sizes[l], _sizes[l + 1], rng);
            _biases[l] = new double[_sizes[l + 1]];
        }
    }

    private ScratchMlp(int[] sizes, Activation hidden, double[][] weights, double[][] biases) =>
        (_sizes, Hidden, _weights, _biases, Init) = (sizes, hidden, weights, biases, null);

    /// <summary>A network with the given parameters (copied): W_l (out x in) row-major and b_l (out), layer by layer.</summary>
    public static ScratchMlp FromParameters(IReadOnlyList<int> sizes, ActivationKind hidden, IReadOnlyList<double[]> weights, IReadOnlyList<double[]> biases)
    {
        var checkedSizes = CheckSizes(sizes);
        Guard.NotNull(weights, nameof(weights));
        Guard.NotNull(biases, nameof(biases));
        int layers = checkedSizes.Length - 1;
        if (weights.Count != layers || biases.Count != layers)
            throw new ArgumentException($"sizes [{string.Join(", ", checkedSizes)}] make {layers} layers, but {weights.Count} weight and {biases.Count} bias arrays were given.", nameof(weights));
        var w = new double[layers][];
        var b = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            int fanIn = checkedSizes[l], fanOut = checkedSizes[l + 1];
            if (weights[l] is null || weights[l].Length != fanOut * fanIn)
                throw new ArgumentException($"weights[{l}] must hold {fanOut}x{fanIn} = {fanOut * fanIn} values (out x in), but has {weights[l]?.Length ?? 0}.", nameof(weights));
            if (biases[l] is null || biases[l].Length != fanOut)
                throw new ArgumentException($"biases[{l}] must hold {fanOut} values, but has {biases[l]?.Length ?? 0}.", nameof(biases));
            w[l] = (double[])weights[l].Clone();
            b[l] = (double[])biases[l].Clone();
        }
        return new ScratchMlp(checkedSizes, Activation.Of(hidden), w, b);
    }

    public IReadOnlyList<int> Sizes => _sizes;
    public int LayerCount => _sizes.Length - 1;
    public int InputSize => _sizes[0];
    public int OutputSize => _sizes[^1];
    public Activation Hidden { get; }

    /// <summary>The scheme the weights were drawn from; null when built from given parameters.</summary>
    public WeightInit? Init { get; }

    /// <summary>W_l, (out x in) row-major: the live arrays, which an optimiser updates in place.</summary>
    public IReadOnlyList<double[]> Weights => _weights;

    /// <summary>b_l, (out): the live arrays.</summary>
    public IReadOnlyList<double[]> Biases => _biases;

    public int ParameterCount => _weights.Sum(w => w.Length) + _biases.Sum(b => b.Length);

    /// <summary>Runs the network on <paramref name="batch"/> samples, x of shape (batch, in) row-major, keeping what backward needs.</summary>
    public ForwardPass Forward(double[] x, int batch)
    {
        CheckInput(x, batch);
        var activations = new double[LayerCount][];   // a_0 = x, a_1, ..., a_(L−1): each layer's input
        var preActivations = new double[LayerCount][]; // z_1, ..., z_L
        // <snippet name="scratch-mlp-forward">
        var a = x;                                                                            // (B, n_0)
        for (int l = 0; l < LayerCount; l++)
        {
            activations[l] = a;
            var z = DenseKernels.LinearForward(a, batch, _sizes[l], _weights[l], _biases[l], _sizes[l + 1]); // (B, n_(l+1)) = a Wᵀ + b
            preActivations[l] = z;
            if (l == LayerCount - 1) break;                                                   // the output layer stays linear
            a = new double[z.Length];
            for (int i = 0; i < z.Length; i++) a[i] = Hidden.Forward(z[i]);                    // (B, n_(l+1)) = φ(z)
        }
        // </snippet>
        return new ForwardPass(batch, activations, preActivations);
    }

    /// <summary>
    /// Backpropagates dL/d(output), shape (batch, out), through the pass: returns dL/dW_l and dL/db_l
    /// for every layer, and dL/dz_l (the "deltas").
    /// </summary>
    public MlpGradients Backward(ForwardPass pass, double[] outputGradient)
    {
        Guard.NotNull(pass, nameof(pass));
        Guard.NotNull(outputGradient, nameof(outputGradient));
        if (pass.PreActivations.Count != LayerCount || pass.PreActivations[^1].Length != pass.Batch * OutputSize)
            throw new ArgumentException("pass must come from this network's Forward.", nameof(pass));
        Guard.Length(outputGradient.Length, pass.Batch * OutputSize, nameof(outputGradient), $"shape (batch, out) = ({pass.Batch}, {OutputSize})");
        int batch = pass.Batch;
        var dW = new double[LayerCount][];
        var db = new double[LayerCount][];
        var deltas = new double[LayerCount][];
        // <snippet name="scratch-mlp-backward">
        var delta = outputGradient;                                                           // δ_L = dL/dz_L: (B, n_L)
        for (int l = LayerCount - 1; l >= 0; l--)
        {
            deltas[l] = delta;
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            dW[l] = DenseKernels.WeightGradient(delta, batch, fanOut, pass.Activations[l], fanIn); // (n_(l+1), n_l) = δᵀ a_(l−1)
            db[l] = DenseKernels.BiasGradient(delta, batch, fanOut);                           // (n_(l+1)) = Σ over the batch
            if (l == 0) break;                                                                 // no gradient needed for the data
            var da = DenseKernels.InputGradient(delta, batch, fanOut, _weights[l], fanIn);     // (B, n_l) = δ W
            var z = pass.PreActivations[l - 1];
            for (int i = 0; i < da.Length; i++) da[i] *= Hidden.Derivative(z[i]);              // δ_(l−1) = δ W ⊙ φ′(z_(l−1))
            delta = da;
        }
        // </snippet>
        return new MlpGradients(dW, db, deltas);
    }

    /// <summary>The network's output, (batch, out) row-major.</summary>
    public double[] Predict(double[] x, int batch) => Forward(x, batch).Output;

    /// <summary>The arg-max class of each sample's logits.</summary>
    public int[] PredictClasses(double[] x, int batch)
    {
        var logits = Predict(x, batch);
        var classes = new int[batch];
        for (int i = 0; i < batch; i++)
        {
            int best = 0;
            for (int k = 1; k < OutputSize; k++)
                if (logits[i * OutputSize + k] > logits[i * OutputSize + best]) best = k;
            classes[i] = best;
        }
        return classes;
    }

    /// <summary>A deep copy (same parameters, independent arrays).</summary>
    public ScratchMlp Clone() => FromParameters(_sizes, Hidden.Kind, _weights, _biases);

    public override string ToString() => $"ScratchMlp [{string.Join(" → ", _sizes)}], {Hidden.Name} hidden, {ParameterCount:N0} parameters";

    private void CheckInput(double[] x, int batch)
    {
        Guard.NotNull(x, nameof(x));
        Guard.Positive(batch, nameof(batch));
        Guard.Length(x.Length, batch * InputSize, nameof(x), $"shape (batch, in) = ({batch}, {InputSize})");
        for (int i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i]))
                throw new ArgumentException($"x must be finite, but x[{i}] (sample {i / InputSize}, feature {i % InputSize}) is {x[i]}.", nameof(x));
    }

    private static int[] CheckSizes(IReadOnlyList<int> sizes)
    {
        Guard.NotNull(sizes, nameof(sizes));
        if (sizes.Count < 2)
            throw new ArgumentException($"sizes must list at least an input and an output size, but has {sizes.Count} entries.", nameof(sizes));
        for (int l = 0; l < sizes.Count; l++)
            if (sizes[l] < 1) throw new ArgumentException($"sizes must all be ≥ 1, but sizes[{l}] is {sizes[l]}.", nameof(sizes));
        return sizes.ToArray();
    }
}

/// <summary>What <see cref="ScratchMlp.Forward"/> keeps for the backward pass: each layer's input a_(l−1) and pre-activation z_l.</summary>
public sealed class ForwardPass
{
    internal ForwardPass(int batch, double[][] activations, double[][] preActivations) =>
        (Batch, Activations, PreActivations) = (batch, activations, preActivations);

    public int Batch { get; }

    /// <summary>a_0 = x, a_1, ..., a_(L−1): the input of each layer, (batch, n_l) row-major.</summary>
    public IReadOnlyList<double[]> Activations { get; }

    /// <summary>z_1, ..., z_L: each layer's pre-activation, (batch, n_(l+1)); the last is the network's output.</summary>
    public IReadOnlyList<double[]> PreActivations { get; }

    /// <summary>The network's output z_L, (batch, out).</summary>
    public double[] Output => PreActivations[^1];
}

/// <summary>dL/dW_l (out x in), dL/db_l (out) and dL/dz_l (batch x out) for every layer l, input layer first.</summary>
public sealed record MlpGradients(IReadOnlyList<double[]> Weights, IReadOnlyList<double[]> Biases, IReadOnlyList<double[]> Deltas)
{
    /// <summary>‖dL/dW_l‖ (Frobenius) per layer: how much signal reaches each layer (the vanishing-gradient chart).</summary>
    public double[] WeightNorms() => Weights.Select(g => Math.Sqrt(g.Sum(v => v * v))).ToArray();
}
