using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Autodiff;

/// <summary>
/// A multilayer perceptron built from <see cref="Value"/> nodes, one node per weight (week09-autodiff.ipynb,
/// section 3 "A network on the scalar engine"): tanh hidden layers, a linear output layer. Slow by design: every
/// multiply-add is a graph node, which is what makes the tensor engine's case.
/// </summary>
public sealed class ScalarMlp
{
    private readonly Value[][][] _weights;   // [layer][output unit][input]
    private readonly Value[][] _biases;      // [layer][output unit]

    /// <param name="sizes">Units per layer, inputs first: [2, 8, 1] is 2 inputs, 8 hidden units, 1 output.</param>
    /// <param name="seed">Seed of the initial weights, N(0, 1/fan-in) (Xavier-like, suited to tanh).</param>
    public ScalarMlp(IReadOnlyList<int> sizes, int seed = Seeded.DefaultSeed)
    {
        Guard.NotNull(sizes, nameof(sizes));
        Guard.AtLeast(sizes.Count, 2, nameof(sizes), "an input size and an output size");
        for (int i = 0; i < sizes.Count; i++) Guard.Positive(sizes[i], $"{nameof(sizes)}[{i}]");
        Sizes = sizes.ToArray();
        var rng = Seeded.Random(seed);
        int layers = sizes.Count - 1;
        _weights = new Value[layers][][];
        _biases = new Value[layers][];
        for (int l = 0; l < layers; l++)
        {
            double std = 1 / Math.Sqrt(sizes[l]);
            _weights[l] = new Value[sizes[l + 1]][];
            _biases[l] = new Value[sizes[l + 1]];
            for (int j = 0; j < sizes[l + 1]; j++)
            {
                _weights[l][j] = new Value[sizes[l]];
                for (int i = 0; i < sizes[l]; i++) _weights[l][j][i] = new Value(std * rng.NextGaussian(), $"W{l + 1}[{j},{i}]");
                _biases[l][j] = new Value(0, $"b{l + 1}[{j}]");
            }
        }
        Parameters = _weights.SelectMany(layer => layer.SelectMany(unit => unit)).Concat(_biases.SelectMany(b => b)).ToArray();
    }

    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Every weight and bias, the nodes an optimiser updates.</summary>
    public IReadOnlyList<Value> Parameters { get; }

    /// <summary>The outputs for one input row: z = W h + b per layer, tanh between layers.</summary>
    public Value[] Forward(IReadOnlyList<Value> x)
    {
        Guard.NotNull(x, nameof(x));
        if (x.Count != Sizes[0])
            throw new ArgumentException($"x must have {Sizes[0]} inputs (the network's first size), but has {x.Count}.", nameof(x));
        var h = x.ToArray();
        for (int l = 0; l < _weights.Length; l++)
        {
            var next = new Value[_weights[l].Length];
            for (int j = 0; j < next.Length; j++)
            {
                Value z = _biases[l][j];
                for (int i = 0; i < h.Length; i++) z += _weights[l][j][i] * h[i];
                next[j] = l < _weights.Length - 1 ? z.Tanh() : z;
            }
            h = next;
        }
        return h;
    }

    /// <summary>
    /// One full-batch gradient step on the logistic loss of a single-output network, labels ±1:
    /// L = (1/n) Σ log(1 + exp(−y·f(x))). Returns L before the step.
    /// </summary>
    public double TrainStep(IReadOnlyList<double[]> X, IReadOnlyList<int> y, double lr)
    {
        Guard.NotEmpty(X, nameof(X));
        Guard.NotNull(y, nameof(y));
        Guard.Positive(lr, nameof(lr));
        if (Sizes[^1] != 1) throw new InvalidOperationException($"TrainStep needs a network with one output, but this one has {Sizes[^1]}.");
        if (X.Count != y.Count) throw new ArgumentException($"X has {X.Count} rows but y has {y.Count} labels.", nameof(y));
        Value loss = 0.0;
        for (int n = 0; n < X.Count; n++)
        {
            if (y[n] is not (1 or -1)) throw new ArgumentException($"y must hold labels +1 and −1, but y[{n}] is {y[n]}.", nameof(y));
            var margin = Forward(X[n].Select(v => new Value(v)).ToArray())[0] * y[n];
            loss += ((-margin).Exp() + 1).Log();
        }
        loss /= X.Count;
        foreach (var p in Parameters) p.Grad = 0;
        loss.Backward();
        foreach (var p in Parameters) p.Data -= lr * p.Grad;
        return loss.Data;
    }
}
