using Drills.Week03;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Drills;

public class Week03AdamDrillTests
{
    [Theory]
    [InlineData(0.001, 0.9, 0.999, 1e-8)]
    [InlineData(0.05, 0.8, 0.99, 1e-6)]
    public void Drill_matches_the_library_adam_step_for_step(double lr, double beta1, double beta2, double eps)
    {
        // Expected: the library's Adam, which tests/MlCourse.DeepLearning.Tests/Optimizers checks against torch.optim.Adam.
        var rng = Seeded.Random(17);
        var drill = new AdamDrill(lr, beta1, beta2, eps);
        var library = new Adam(lr, beta1, beta2, eps);
        double[] w = [1.0, -2.0, 0.5, 3.0];
        var theta = Vector<double>.Build.DenseOfArray((double[])w.Clone());
        for (int t = 0; t < 200; t++)
        {
            var g = w.Select((v, i) => (i + 1) * v + 0.3 * rng.NextGaussian()).ToArray();
            drill.Step(w, g);
            library.Step(theta, Vector<double>.Build.DenseOfArray(g));
            for (int i = 0; i < w.Length; i++) Assert.Equal(theta[i], w[i], 12);
        }
    }

    [Fact]
    public void Drill_first_step_is_lr_per_coordinate_whatever_the_gradient_scale()
    {
        // m̂₁ = g, v̂₁ = g²: Δw = −lr·g/(|g| + ε).
        double[] w = [0, 0];
        new AdamDrill(lr: 0.1, eps: 0).Step(w, [1e6, -1e-6]);
        Assert.Equal(-0.1, w[0], 14);
        Assert.Equal(0.1, w[1], 14);
    }

    [Fact]
    public void Drill_rejects_different_lengths()
    {
        Assert.Equal("g", Assert.Throws<ArgumentException>(() => new AdamDrill().Step([1, 2], [1])).ParamName);
    }
}
