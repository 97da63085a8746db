using MlCourse.DeepLearning.Scratch;

namespace MlCourse.DeepLearning.Tests.Scratch;

public sealed class UniversalApproximationTests
{
    private static readonly double[] Grid = Enumerable.Range(0, 400).Select(i => -Math.PI + 2 * Math.PI * i / 399).ToArray();

    private static double Target(double x) => Math.Sin(2 * x) + 0.5 * Math.Cos(5 * x) * Math.Exp(-x * x / 4);

    private static double MaxError(ScratchMlp model) =>
        model.Predict(Grid, Grid.Length).Zip(Grid, (p, x) => Math.Abs(p - Target(x))).Max();

    [Fact]
    public void The_staircase_network_s_worst_error_about_halves_each_time_the_width_doubles()
    {
        var errors = new[] { 16, 32, 64, 128, 256 }.Select(w => MaxError(UniversalApproximation.Staircase(Target, -Math.PI, Math.PI, w))).ToArray();
        // A staircase with cells of width Δ misses a Lipschitz f by O(Δ): doubling the units halves Δ.
        for (int k = 1; k < errors.Length; k++) Assert.InRange(errors[k] / errors[k - 1], 0.4, 0.6);
        Assert.True(errors[^1] < 0.05, $"width 256: {errors[^1]}");
    }

    [Fact]
    public void A_trained_one_hidden_layer_network_fits_better_when_it_is_wider()
    {
        double Fit(int width)
        {
            var model = new ScratchMlp([1, width, 1], ActivationKind.Tanh, WeightInit.Xavier, seed: 1);
            var y = Grid.Select(Target).ToArray();
            var losses = ScratchTraining.FitRegression(model, Grid, y, steps: 2000, new SgdMomentum(0.05, 0.9));
            Assert.True(losses[^1] < losses[0]);
            return ScratchLosses.MeanSquaredError(model.Predict(Grid, Grid.Length), y).Loss;
        }
        // Seeded runs (this code, seed 1, 2,000 steps): width 1 cannot bend more than once (MSE 0.47), width 2 about 0.12,
        // 16 tanh units follow the wiggles (about 0.016). Gradient descent is not monotone in the width at a fixed step
        // budget (the notebook shows it), so the test asserts the large gaps only.
        double one = Fit(1), two = Fit(2), sixteen = Fit(16);
        Assert.True(two < one / 2, $"width 1: {one}, width 2: {two}");
        Assert.True(sixteen < two / 4, $"width 2: {two}, width 16: {sixteen}");
    }
}
