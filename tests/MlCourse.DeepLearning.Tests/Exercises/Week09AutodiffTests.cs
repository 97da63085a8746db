using MlCourse.DeepLearning.Autodiff;
using MlCourse.DeepLearning.Exercises;
using MlCourse.Notebook;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>Each checker accepts the reference and rejects the plausible wrong answers a learner writes.</summary>
public sealed class Week09AutodiffTests
{
    [Fact]
    public void The_references_pass()
    {
        foreach (var result in new[]
                 {
                     Week09Autodiff.CheckMultiply(Week09AutodiffSolutions.Multiply),
                     Week09Autodiff.CheckTanh(Week09AutodiffSolutions.Tanh),
                     Week09Autodiff.CheckReduceToShape(Week09AutodiffSolutions.ReduceToShape),
                 })
            Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void A_product_that_assigns_instead_of_adding_fails_on_the_node_used_twice()
    {
        var result = Week09Autodiff.CheckMultiply((a, b) => Value.Operation(a.Data * b.Data, "*", [a, b], output =>
        {
            a.Grad = b.Data * output.Grad;
            b.Grad = a.Data * output.Grad;
        }));
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(result.Failures, f => f.Contains("x is used twice"));
        Assert.Contains(result.Failures, f => f.Contains("feeds both"));
        Assert.DoesNotContain(result.Failures, f => f.StartsWith("∂f/∂a"));   // the single-use case passes: only reuse exposes it
    }

    [Fact]
    public void A_product_that_ignores_the_output_gradient_fails()
    {
        var result = Week09Autodiff.CheckMultiply((a, b) => Value.Operation(a.Data * b.Data, "*", [a, b], _ =>
        {
            a.Grad += b.Data;
            b.Grad += a.Data;
        }));
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(result.Failures, f => f.Contains("uses the output's gradient"));
    }

    [Fact]
    public void A_tanh_derivative_taken_from_the_input_fails()
    {
        // 1 − x² in place of 1 − tanh²(x): right at x = 0 only.
        var result = Week09Autodiff.CheckTanh(x => Value.Operation(Math.Tanh(x.Data), "tanh", [x], output =>
            x.Grad += (1 - x.Data * x.Data) * output.Grad));
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(result.Failures, f => f.Contains("x = 0.5"));
        Assert.DoesNotContain(result.Failures, f => f.Contains("x = 0,"));
    }

    [Fact]
    public void A_tanh_that_assigns_its_gradient_fails_when_x_is_reused()
    {
        var result = Week09Autodiff.CheckTanh(x => Value.Operation(Math.Tanh(x.Data), "tanh", [x], output =>
            x.Grad = (1 - output.Data * output.Data) * output.Grad));
        Assert.Equal(CheckStatus.Failed, result.Status);
        var failure = Assert.Single(result.Failures);
        Assert.Contains("used by tanh and by the product", failure);
    }

    [Fact]
    public void A_reduction_that_drops_the_size_one_axes_fails_on_the_shape()
    {
        // The missing keepdim: the right values, but shape (2,) for a (2, 1) input.
        var result = Week09Autodiff.CheckReduceToShape((g, gs, ts) =>
        {
            var (data, shape) = Week09AutodiffSolutions.ReduceToShape(g, gs, ts);
            return (data, shape.Where(s => s != 1).ToArray());
        });
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(result.Failures, f => f.Contains("expected shape (2, 1) but got (2,)") && f.Contains("keep the size-1 axes"));
    }

    [Fact]
    public void A_reduction_over_the_wrong_axis_fails_on_the_values()
    {
        // Summing a (2, 3) gradient over axis 1 for a (1, 3) target (then padding to three values): the sums of the rows, not the columns.
        var result = Week09Autodiff.CheckReduceToShape((g, gs, ts) =>
        {
            if (gs.Length == 2 && ts.Length == 2 && ts[0] == 1)
            {
                var rowSums = Enumerable.Range(0, gs[0]).Select(i => g.Skip(i * gs[1]).Take(gs[1]).Sum()).ToArray();
                return (rowSums.Concat(new double[gs[1] - gs[0]]).ToArray(), ts);
            }
            return Week09AutodiffSolutions.ReduceToShape(g, gs, ts);
        });
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(result.Failures, f => f.Contains("target shape (1, 3)") && f.StartsWith("values"));
    }

    [Fact]
    public void A_reduction_that_only_sums_the_leading_axes_fails()
    {
        // Handles (2, 3) -> (3,) but forgets the size-1 axes that are not leading: (2, 3) -> (2, 1) returns grad unchanged.
        var result = Week09Autodiff.CheckReduceToShape((g, gs, ts) =>
        {
            int drop = gs.Length - ts.Length, block = g.Length / gs.Take(drop).Aggregate(1, (p, s) => p * s);
            var data = new double[block];
            for (int i = 0; i < g.Length; i++) data[i % block] += g[i];
            return (data, ts);
        });
        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(result.Failures, f => f.Contains("target shape (2, 1)"));
    }

    [Fact]
    public void An_unwritten_exercise_is_not_attempted()
    {
        var result = Week09Autodiff.CheckTanh(_ => throw new NotImplementedException());
        Assert.Equal(CheckStatus.NotAttempted, result.Status);
    }
}
