using MlCourse.DeepLearning.Scratch.Recurrent;

namespace MlCourse.DeepLearning.Tests.Scratch.Recurrent;

/// <summary>
/// The scratch RNN, LSTM and GRU against TorchSharp's nn.RNN / nn.LSTM / nn.GRU (forward values and autograd gradients,
/// float64, agreeing to 1e-11) and against central finite differences (step 1e-6, agreeing to 1e-7 relative).
/// </summary>
public sealed class RecurrentCellTests
{
    private const double TorchTolerance = 1e-11;

    private static double MaxDifference(double[] a, double[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (p, q) => Math.Abs(p - q)).DefaultIfEmpty(0).Max();
    }

    [Theory]
    [InlineData("rnn")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Outputs_final_states_and_every_gradient_equal_TorchSharp_autograd(string kind)
    {
        var problem = RecurrentProblem.Random(kind, batch: 3, time: 5, input: 4, hidden: 6, seed: 7);
        var pass = problem.Forward();
        var grads = problem.Cell.Backward(pass, problem.OutputWeights, problem.HiddenWeights, problem.CellWeights);
        var torch = TorchRecurrentTwin.Run(problem.Cell, problem.X, 3, 5, problem.H0, problem.C0, problem.OutputWeights, problem.HiddenWeights, problem.CellWeights);

        Assert.True(MaxDifference(pass.Output, torch.Output) < TorchTolerance, $"output differs by {MaxDifference(pass.Output, torch.Output)}");
        Assert.True(MaxDifference(pass.FinalHidden, torch.FinalHidden) < TorchTolerance);
        if (kind == "lstm") Assert.True(MaxDifference(pass.FinalCell!, torch.FinalCell!) < TorchTolerance);
        Assert.Equal(torch.Loss, problem.Loss(pass), 10);
        foreach (var ((name, _, mine), (_, _, theirs)) in problem.Parameters(grads).Zip(problem.Parameters(torch.Gradients)))
            Assert.True(MaxDifference(mine, theirs) < TorchTolerance, $"∂L/∂{name} differs from autograd by {MaxDifference(mine, theirs)}");
    }

    [Theory]
    [InlineData("rnn")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Every_gradient_equals_central_finite_differences_on_a_tiny_case(string kind)
    {
        var problem = RecurrentProblem.Random(kind, batch: 2, time: 3, input: 2, hidden: 2, seed: 3);
        var grads = problem.Backward();
        const double step = 1e-6;
        foreach (var (name, values, gradient) in problem.Parameters(grads))
            for (int j = 0; j < values.Length; j++)
            {
                double keep = values[j];
                values[j] = keep + step;
                double up = problem.Loss();
                values[j] = keep - step;
                double down = problem.Loss();
                values[j] = keep;
                double numeric = (up - down) / (2 * step);
                Assert.True(Math.Abs(numeric - gradient[j]) <= 1e-7 * Math.Max(1, Math.Abs(numeric)),
                    $"∂L/∂{name}[{j}]: BPTT {gradient[j]}, finite differences {numeric}");
            }
    }

    [Theory]
    [InlineData("rnn")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Dropping_the_recurrent_term_is_caught_by_the_autograd_check_and_truncation_at_T_changes_nothing(string kind)
    {
        var problem = RecurrentProblem.Random(kind, batch: 3, time: 5, input: 4, hidden: 6, seed: 11);
        var torch = TorchRecurrentTwin.Run(problem.Cell, problem.X, 3, 5, problem.H0, problem.C0, problem.OutputWeights, problem.HiddenWeights, problem.CellWeights).Gradients;
        var dropped = problem.Backward(truncateAfter: 1);     // the bug: ∂L/∂h_(t−1) gets nothing through W_hh
        var whole = problem.Backward(truncateAfter: 5);
        Assert.True(MaxDifference(dropped.WeightHh, torch.WeightHh) > 1e3 * TorchTolerance, "a gradient without the recurrent term passed the check");
        Assert.True(MaxDifference(dropped.InitialHidden, torch.InitialHidden) > 1e3 * TorchTolerance);
        Assert.True(MaxDifference(whole.WeightHh, torch.WeightHh) < TorchTolerance);
    }

    [Fact]
    public void Weights_copied_in_from_TorchSharps_layout_fit_only_the_right_cell()
    {
        var lstmWeights = RecurrentWeights.Random(3, 2, gateCount: 4, seed: 1);
        Assert.Equal(4 * 2 * 3, lstmWeights.WeightIh.Length);
        var ex = Assert.Throws<ArgumentException>(() => new ScratchGru(lstmWeights));
        Assert.Equal("weights", ex.ParamName);
        var bad = Assert.Throws<ArgumentException>(() => new RecurrentWeights(3, 2, 4, new double[24], new double[15], new double[8], new double[8]));
        Assert.Equal("weightHh", bad.ParamName);
        Assert.Contains("(8, 2)", bad.Message);
        Assert.Contains("15", bad.Message);
    }

    [Fact]
    public void Bad_shapes_are_refused_naming_the_argument_and_both_shapes()
    {
        var rnn = new ScratchRnn(4, 3, seed: 1);
        var ex = Assert.Throws<ArgumentException>(() => rnn.Forward(new double[2 * 5 * 3], batch: 2, time: 5));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("(batch 2, time 5, input 4)", ex.Message);
        Assert.Contains("30", ex.Message);
        var h0 = Assert.Throws<ArgumentException>(() => rnn.Forward(new double[40], 2, 5, h0: new double[4]));
        Assert.Equal("h0", h0.ParamName);
        Assert.Equal("c0", Assert.Throws<ArgumentException>(() => rnn.Forward(new double[40], 2, 5, c0: new double[6])).ParamName);
        var pass = rnn.Forward(new double[40], 2, 5);
        Assert.Equal("outputGradient", Assert.Throws<ArgumentException>(() => rnn.Backward(pass, new double[29])).ParamName);
        Assert.Equal("pass", Assert.Throws<ArgumentException>(() => new ScratchRnn(4, 3).Backward(pass, null)).ParamName);
    }
}
