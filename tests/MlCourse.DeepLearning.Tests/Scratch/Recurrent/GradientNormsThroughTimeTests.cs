using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Scratch.Recurrent;

namespace MlCourse.DeepLearning.Tests.Scratch.Recurrent;

public sealed class GradientNormsThroughTimeTests
{
    private static double[] OneUnitNorms(double w, int time)
    {
        // Zero input, zero start, zero biases: h_t stays 0, tanh′(0) = 1, so this is exactly the linear RNN h_t = w h_(t−1).
        var rnn = new ScratchRnn(new RecurrentWeights(1, 1, 1, [0.7], [w], [0.0], [0.0]));
        return GradientNormsThroughTime.Measure(rnn, new double[time], batch: 1, time, finalHiddenGradient: [1.0]);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.8)]
    [InlineData(1.5)]
    [InlineData(-2.0)]
    public void A_one_unit_linear_RNN_scales_the_gradient_by_abs_w_each_step_back(double w)
    {
        var norms = OneUnitNorms(w, time: 12);
        Assert.Equal(12, norms.Length);
        Assert.Equal(1.0, norms[0], 14);                                         // ∂L/∂h_T is what the loss gave
        for (int k = 1; k < norms.Length; k++)
            Assert.Equal(Math.Abs(w), norms[k] / norms[k - 1], 12);              // the closed form: ratio |w| a step
        Assert.Equal(Math.Pow(Math.Abs(w), 11), norms[^1], 12);
    }

    [Fact]
    public void Small_recurrent_weights_make_the_norms_vanish_and_large_ones_make_them_explode()
    {
        Assert.True(OneUnitNorms(0.5, 20)[^1] < 1e-5);                           // 0.5¹⁹ ≈ 1.9e-6
        Assert.True(OneUnitNorms(1.5, 20)[^1] > 1e3);                            // 1.5¹⁹ ≈ 2.2e3
    }

    [Fact]
    public void With_real_inputs_each_step_back_shrinks_the_norm_by_at_least_the_spectral_norm_of_W_hh()
    {
        // tanh′ ≤ 1, so ‖∂L/∂h_(t−1)‖ ≤ ‖W_hh‖₂ ‖∂L/∂h_t‖: scale a random W_hh to spectral norm 0.6 and check every step.
        const int h = 8, i = 3, batch = 4, time = 15;
        var start = RecurrentWeights.Random(i, h, 1, seed: 2);
        var whh = Matrix<double>.Build.DenseOfRowMajor(h, h, start.WeightHh);
        var scaled = (whh * (0.6 / whh.L2Norm())).ToRowMajorArray();
        var rnn = new ScratchRnn(new RecurrentWeights(i, h, 1, start.WeightIh, scaled, start.BiasIh, start.BiasHh));
        var rng = Seeded.Random(3);
        var x = Enumerable.Range(0, batch * time * i).Select(_ => rng.NextGaussian()).ToArray();
        var dhT = Enumerable.Range(0, batch * h).Select(_ => rng.NextGaussian()).ToArray();
        var norms = GradientNormsThroughTime.Measure(rnn, x, batch, time, dhT);
        for (int k = 1; k < time; k++)
            Assert.True(norms[k] <= 0.6 * norms[k - 1] * (1 + 1e-12), $"step {k}: {norms[k]} > 0.6 × {norms[k - 1]}");
        Assert.True(norms[^1] < Math.Pow(0.6, time - 1) * norms[0] * (1 + 1e-12));
    }

    [Fact]
    public void The_norms_are_those_of_the_full_BPTT_gradients_latest_step_first()
    {
        var problem = RecurrentProblem.Random("lstm", batch: 2, time: 4, input: 3, hidden: 5, seed: 4);
        var grads = problem.Backward();
        var norms = GradientNormsThroughTime.FromGradients(grads);
        Assert.Equal(4, norms.Length);
        Assert.Equal(Math.Sqrt(grads.HiddenStates[3].Sum(v => v * v)), norms[0], 14);
        Assert.Equal(Math.Sqrt(grads.HiddenStates[0].Sum(v => v * v)), norms[3], 14);
    }
}
