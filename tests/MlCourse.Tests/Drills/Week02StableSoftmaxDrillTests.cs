using Drills.Week02;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Optimization;

namespace MlCourse.Tests.Drills;

public class Week02StableSoftmaxDrillTests
{
    private static double[] Naive(double[] z)
    {
        var e = z.Select(Math.Exp).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    [Fact]
    public void At_logits_of_plus_and_minus_1000_the_results_are_finite_and_exact()
    {
        // Closed forms: softmax(1000, 1000) = (½, ½); softmax of three equal logits −1000 is ⅓ each;
        // softmax(1000, 0, −1000) rounds to (1, 0, 0); log-softmax of it is z − 1000 exactly.
        Assert.Equal([0.5, 0.5], StableSoftmaxDrill.Softmax([1000, 1000]));
        Assert.All(StableSoftmaxDrill.Softmax([-1000, -1000, -1000]), p => Assert.Equal(1.0 / 3, p, 15));
        Assert.Equal([1.0, 0.0, 0.0], StableSoftmaxDrill.Softmax([1000, 0, -1000]));
        Assert.Equal([0.0, -1000.0, -2000.0], StableSoftmaxDrill.LogSoftmax([1000, 0, -1000]));
        Assert.Equal(2000.0, StableSoftmaxDrill.CrossEntropy([1000, 0, -1000], 2));
        Assert.Equal(0.0, StableSoftmaxDrill.CrossEntropy([1000, 0, -1000], 0));
        // What the naive formula does there: NaN (∞/∞ and 0/0).
        Assert.All(Naive([1000, 1000]), p => Assert.True(double.IsNaN(p)));
        Assert.All(Naive([-1000, -1000]), p => Assert.True(double.IsNaN(p)));
    }

    [Fact]
    public void On_moderate_logits_it_agrees_with_the_naive_formula_and_the_library()
    {
        var rng = MlCourse.Core.Randomness.Seeded.Random(21);
        for (int trial = 0; trial < 50; trial++)
        {
            var z = Enumerable.Range(0, 6).Select(_ => 20 * (rng.NextDouble() - 0.5)).ToArray();
            var p = StableSoftmaxDrill.Softmax(z);
            var naive = Naive(z);
            var library = SoftmaxFunctions.LogSoftmax(Vector<double>.Build.DenseOfArray(z));
            var logP = StableSoftmaxDrill.LogSoftmax(z);
            for (int k = 0; k < z.Length; k++)
            {
                Assert.Equal(naive[k], p[k], 1e-15);
                Assert.Equal(library[k], logP[k], 1e-12);
            }
            Assert.Equal(1.0, p.Sum(), 1e-14);
        }
    }

    [Fact]
    public void The_cross_entropy_gradient_is_softmax_minus_one_hot()
    {
        double[] z = [0.3, -1.2, 2.0, 0.5];
        var numeric = FiniteDifference.Gradient(v => StableSoftmaxDrill.CrossEntropy(v.ToArray(), 1), Vector<double>.Build.DenseOfArray(z));
        var p = StableSoftmaxDrill.Softmax(z);
        p[1] -= 1;
        Assert.True(FiniteDifference.RelativeError(numeric, Vector<double>.Build.DenseOfArray(p)) < 1e-9);
    }

    [Fact]
    public void Bad_input_fails_naming_the_argument()
    {
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => StableSoftmaxDrill.Softmax([])).ParamName);
        Assert.Contains("z[1] is NaN", Assert.Throws<ArgumentException>(() => StableSoftmaxDrill.LogSoftmax([0, double.NaN])).Message);
        Assert.Equal("z", Assert.Throws<ArgumentNullException>(() => StableSoftmaxDrill.Softmax(null!)).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentOutOfRangeException>(() => StableSoftmaxDrill.CrossEntropy([1, 2], 2)).ParamName);
    }
}
