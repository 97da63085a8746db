using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>How a layer's weights are drawn before training (Week 9, "Xavier and He initialisation").</summary>
public enum WeightInit
{
    /// <summary>N(0, 1): the variance of each layer's output grows by fan_in every layer.</summary>
    StandardNormal,
    /// <summary>N(0, 0.01²): the "small random numbers" of old tutorials; signals shrink to zero with depth.</summary>
    SmallNormal,
    /// <summary>Glorot and Bengio (2010): Var(w) = 2 / (fan_in + fan_out), for tanh and sigmoid.</summary>
    Xavier,
    /// <summary>He et al. (2015): Var(w) = 2 / fan_in, for ReLU (which zeroes half of its inputs).</summary>
    He,
    /// <summary>PyTorch's nn.Linear default: U(−1/√fan_in, 1/√fan_in), so Var(w) = 1 / (3 fan_in).</summary>
    PyTorchDefault,
}

/// <summary>Draws weights for each <see cref="WeightInit"/> scheme from a seeded generator; biases start at 0.</summary>
public static class Initialisation
{
    /// <summary>The standard deviation of one weight of a layer with the given fans.</summary>
    // <snippet name="scratch-init-std">
    public static double Std(WeightInit scheme, int fanIn, int fanOut)
    {
        Guard.Positive(fanIn, nameof(fanIn));
        Guard.Positive(fanOut, nameof(fanOut));
        return scheme switch
        {
            WeightInit.StandardNormal => 1.0,
            WeightInit.SmallNormal => 0.01,
            // Forward: Var(z) = fan_in·Var(w)·E[a²] stays put if Var(w) = 1/fan_in; backward wants 1/fan_out; Glorot averages the two.
            WeightInit.Xavier => Math.Sqrt(2.0 / (fanIn + fanOut)),
            // ReLU keeps E[a²] = Var(z)/2, so the forward condition becomes fan_in·Var(w)/2 = 1.
            WeightInit.He => Math.Sqrt(2.0 / fanIn),
            WeightInit.PyTorchDefault => 1.0 / Math.Sqrt(3.0 * fanIn),
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, $"scheme must be a WeightInit value, but is {scheme}."),
        };
    }
    // </snippet>

    /// <summary>A fresh (fanOut x fanIn) row-major weight matrix drawn from the scheme (normal, or uniform for PyTorchDefault).</summary>
    public static double[] Draw(WeightInit scheme, int fanIn, int fanOut, Random rng)
    {
        Guard.NotNull(rng, nameof(rng));
        double std = Std(scheme, fanIn, fanOut);
        var w = new double[fanOut * fanIn];
        if (scheme == WeightInit.PyTorchDefault)
        {
            double bound = 1.0 / Math.Sqrt(fanIn);
            for (int i = 0; i < w.Length; i++) w[i] = bound * (2 * rng.NextDouble() - 1);
        }
        else
        {
            for (int i = 0; i < w.Length; i++) w[i] = std * rng.NextGaussian();
        }
        return w;
    }
}
