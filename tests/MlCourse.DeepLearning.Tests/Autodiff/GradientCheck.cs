using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;
using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Autodiff;

namespace MlCourse.DeepLearning.Tests.Autodiff;

/// <summary>
/// Central finite differences (Week 1's <see cref="FiniteDifference"/>) of functions built on the scratch engines, the
/// independent check of every backward rule: truncation error O(h²), about 1e-10 relative at h = 1e-5.
/// </summary>
internal static class GradientCheck
{
    /// <summary>The engine's gradient of <paramref name="build"/> with respect to every input, and the numerical one.</summary>
    public static (double[] Engine, double[] Numeric) Tensor(Func<TensorValue[], TensorValue> build, params TensorValue[] inputs)
    {
        var loss = build(inputs);
        loss.Backward();
        var engine = inputs.SelectMany(t => t.Grad).ToArray();
        var at = Vector<double>.Build.Dense(inputs.SelectMany(t => t.Data).ToArray());
        var numeric = FiniteDifference.Gradient(v =>
        {
            int offset = 0;
            var copies = inputs.Select(t =>
            {
                var copy = TensorValue.FromArray(v.SubVector(offset, t.Size).ToArray(), t.Shape.ToArray());
                offset += t.Size;
                return copy;
            }).ToArray();
            return build(copies).Item();
        }, at);
        return (engine, numeric.ToArray());
    }

    /// <summary>The same for the scalar engine: <paramref name="build"/> makes the output from fresh leaves with the given values.</summary>
    public static (double[] Engine, double[] Numeric) Scalar(Func<Value[], Value> build, params double[] at)
    {
        var leaves = at.Select(v => new Value(v)).ToArray();
        build(leaves).Backward();
        var numeric = FiniteDifference.Gradient(v => build(v.Select(x => new Value(x)).ToArray()).Data, Vector<double>.Build.Dense(at));
        return (leaves.Select(l => l.Grad).ToArray(), numeric.ToArray());
    }

    /// <summary>
    /// Σ y ⊙ G for a fixed pseudo-random G of y's shape: a scalar whose gradient with respect to y is G, so a
    /// non-scalar operation's backward is exercised with a generic upstream gradient (ones would hide transposes).
    /// </summary>
    public static TensorValue Weighted(TensorValue y, int seed = 7) => (y * UpstreamGradient(y.Shape, seed)).Sum();

    public static TensorValue UpstreamGradient(IReadOnlyList<int> shape, int seed = 7) =>
        TensorValue.RandomNormal(shape.ToArray(), 1.0, seed);

    /// <summary>Seeded values in [low, high): inputs away from a kink or the domain edge of log and fractional powers.</summary>
    public static TensorValue Uniform(int[] shape, double low, double high, int seed)
    {
        var rng = Seeded.Random(seed);
        var data = new double[shape.Aggregate(1, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++) data[i] = low + (high - low) * rng.NextDouble();
        return TensorValue.FromArray(data, shape);
    }

    /// <summary>Every entry within <paramref name="tolerance"/>, relative to the entry's size when that is above 1.</summary>
    public static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"{what}[{i}]: expected {expected[i]:R} but got {actual[i]:R} (off by {Math.Abs(expected[i] - actual[i]):G3}, tolerance {tolerance:G3}).");
    }
}
