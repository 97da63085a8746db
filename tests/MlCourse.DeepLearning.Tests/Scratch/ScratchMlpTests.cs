using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;
using MlCourse.DeepLearning.Scratch;

namespace MlCourse.DeepLearning.Tests.Scratch;

public sealed class ScratchMlpTests
{
    // The loss as a function of all parameters flattened (W_1, b_1, W_2, b_2, ...), for finite differences.
    private static double Loss(ScratchMlp template, Vector<double> theta, double[] x, int[] y)
    {
        var weights = new List<double[]>();
        var biases = new List<double[]>();
        int k = 0;
        for (int l = 0; l < template.LayerCount; l++)
        {
            weights.Add(theta.Skip(k).Take(template.Weights[l].Length).ToArray());
            k += template.Weights[l].Length;
            biases.Add(theta.Skip(k).Take(template.Biases[l].Length).ToArray());
            k += template.Biases[l].Length;
        }
        var model = ScratchMlp.FromParameters(template.Sizes, template.Hidden.Kind, weights, biases);
        return ScratchLosses.SoftmaxCrossEntropy(model.Predict(x, y.Length), y.Length, model.OutputSize, y).Loss;
    }

    private static Vector<double> Flatten(IReadOnlyList<double[]> weights, IReadOnlyList<double[]> biases) =>
        Vector<double>.Build.DenseOfEnumerable(weights.Zip(biases, (w, b) => w.Concat(b)).SelectMany(v => v));

    [Theory]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Relu)]
    [InlineData(ActivationKind.Gelu)]
    public void Backward_matches_finite_differences_of_the_loss_in_every_parameter(ActivationKind hidden)
    {
        var model = new ScratchMlp([5, 7, 6, 3], hidden, WeightInit.Xavier, seed: 3);
        for (int l = 0; l < model.LayerCount; l++)
            for (int i = 0; i < model.Biases[l].Length; i++) model.Biases[l][i] = 0.1 * (i - 2);   // non-zero biases, so db is tested too
        var (x, y) = ScratchProblem.Random(n: 8, inputs: 5, classes: 3, seed: 4);
        var pass = model.Forward(x, 8);
        var grads = model.Backward(pass, ScratchLosses.SoftmaxCrossEntropy(pass.Output, 8, 3, y).Gradient);

        var theta = Flatten(model.Weights, model.Biases);
        var numeric = FiniteDifference.Gradient(t => Loss(model, t, x, y), theta);
        var analytic = Flatten(grads.Weights, grads.Biases);
        Assert.Equal(theta.Count, model.ParameterCount);
        // Central differences: error O(h²) ≈ 1e-10 relative; a ReLU kink inside ±h is improbable at these values.
        Assert.True(FiniteDifference.RelativeError(numeric, analytic) < 1e-7, $"relative error {FiniteDifference.RelativeError(numeric, analytic)}");
    }

    [Fact]
    public void The_cross_entropy_gradient_is_softmax_minus_one_hot_over_the_batch()
    {
        // Logits (0, ln 3) for one sample: softmax = (1/4, 3/4). Label 1: loss = −ln(3/4), gradient (1/4, −1/4) / B with B = 1.
        var (loss, g) = ScratchLosses.SoftmaxCrossEntropy([0, Math.Log(3)], 1, 2, [1]);
        Assert.Equal(-Math.Log(0.75), loss, 14);
        Assert.Equal(0.25, g[0], 14);
        Assert.Equal(-0.25, g[1], 14);
        // Large logits do not overflow: logits (1000, 1000) give loss ln 2.
        Assert.Equal(Math.Log(2), ScratchLosses.SoftmaxCrossEntropy([1000, 1000], 1, 2, [0]).Loss, 12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_another_seed_differs()
    {
        var a = new ScratchMlp([4, 3, 2], seed: 7);
        var b = new ScratchMlp([4, 3, 2], seed: 7);
        var c = new ScratchMlp([4, 3, 2], seed: 8);
        Assert.Equal(a.Weights[0], b.Weights[0]);
        Assert.NotEqual(a.Weights[0], c.Weights[0]);
        Assert.All(a.Biases, bias => Assert.All(bias, v => Assert.Equal(0.0, v)));
    }

    [Fact]
    public void Bad_input_fails_naming_the_argument_and_the_shapes()
    {
        var model = new ScratchMlp([4, 3, 2]);
        var ex = Assert.Throws<ArgumentException>(() => model.Forward(new double[7], 2));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("(2, 4)", ex.Message);
        Assert.Contains("x[1]", Assert.Throws<ArgumentException>(() => model.Forward([0, double.NaN, 0, 0], 1)).Message);
        Assert.Equal("sizes", Assert.Throws<ArgumentException>(() => new ScratchMlp([4])).ParamName);
        Assert.Equal("sizes", Assert.Throws<ArgumentException>(() => new ScratchMlp([4, 0, 2])).ParamName);
        var pass = model.Forward(new double[8], 2);
        Assert.Equal("outputGradient", Assert.Throws<ArgumentException>(() => model.Backward(pass, new double[3])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => ScratchLosses.SoftmaxCrossEntropy([0, 0], 1, 2, [2])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => ScratchMlp.FromParameters([4, 3, 2], ActivationKind.Relu, [new double[12]], [new double[3]])).ParamName);
    }

    [Fact]
    public void Mean_squared_error_and_its_gradient_are_the_closed_form()
    {
        // Residuals (1, −2): loss (1 + 4)/2 = 2.5; gradient 2r/N = (1, −2).
        var (loss, g) = ScratchLosses.MeanSquaredError([2, 0], [1, 2]);
        Assert.Equal(2.5, loss, 15);
        Assert.Equal([1.0, -2.0], g);
    }
}
