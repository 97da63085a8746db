using MathNet.Numerics.LinearAlgebra;
using MlCourse.DeepLearning.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>
/// Every checker of week09-neural-networks.ipynb accepts the reference solution, rejects the mistakes
/// candidates make (the ones interview-questions.md lists), and calls the notebook's stub "not attempted".
/// </summary>
public sealed class Week09ExercisesTests
{
    // ---- Exercise 1: dense layer backward ----

    public static TheoryData<string, Func<Matrix<double>, Matrix<double>, Matrix<double>, DenseGradient>> WrongDenseBackwards() => new()
    {
        // An extra 1/n: the mean was already taken in the loss, so δ carries it.
        { "db averaged over the batch", (x, w, d) => new DenseGradient(d.TransposeThisAndMultiply(x), d.ColumnSums() / x.RowCount, d * w) },
        // Xᵀδ instead of δᵀX: the transpose of dW, shape (k, m).
        { "dW transposed (Xᵀδ)", (x, w, d) => new DenseGradient(x.TransposeThisAndMultiply(d), d.ColumnSums(), d * w) },
        // The bias gradient from one sample only (a loop that forgot to accumulate).
        { "db from the first sample only", (x, w, d) => new DenseGradient(d.TransposeThisAndMultiply(x), d.Row(0), d * w) },
        // δWᵀ for dX, the transpose slip of the forward's Wᵀ: a dimension error unless m = k, and wrong even then.
        { "dX = δ Wᵀ", (x, w, d) => new DenseGradient(d.TransposeThisAndMultiply(x), d.ColumnSums(), d * w.Transpose()) },
    };

    [Fact]
    public void The_dense_backward_checker_accepts_the_reference() => AssertPassed(Week09.CheckDenseBackward(Week09Solutions.DenseBackward));

    [Theory]
    [MemberData(nameof(WrongDenseBackwards))]
    public void The_dense_backward_checker_rejects_a_wrong_answer(string mistake, Func<Matrix<double>, Matrix<double>, Matrix<double>, DenseGradient> f) =>
        AssertRejected(mistake, Week09.CheckDenseBackward(f));

    [Fact]
    public void The_dense_backward_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week09.CheckDenseBackward((_, _, _) => throw new NotImplementedException()));

    // ---- Exercise 2: sigmoid backward from the output ----

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public static TheoryData<string, Func<double[], double[], double[]>> WrongSigmoidBackwards() => new()
    {
        // σ′ applied to the output a instead of the input z: σ(a)(1 − σ(a)).
        { "sigma'(a) instead of sigma'(z)", (a, da) => a.Select((v, i) => da[i] * Sigmoid(v) * (1 - Sigmoid(v))).ToArray() },
        // The upstream gradient forgotten: returns σ′ alone (chain rule stopped at this node).
        { "upstream gradient ignored", (a, _) => a.Select(v => v * (1 - v)).ToArray() },
        // tanh's derivative written from memory: 1 − a².
        { "1 - a^2 (tanh's)", (a, da) => a.Select((v, i) => da[i] * (1 - v * v)).ToArray() },
    };

    [Fact]
    public void The_sigmoid_backward_checker_accepts_the_reference() => AssertPassed(Week09.CheckSigmoidBackward(Week09Solutions.SigmoidBackward));

    [Theory]
    [MemberData(nameof(WrongSigmoidBackwards))]
    public void The_sigmoid_backward_checker_rejects_a_wrong_answer(string mistake, Func<double[], double[], double[]> f) =>
        AssertRejected(mistake, Week09.CheckSigmoidBackward(f));

    [Fact]
    public void The_sigmoid_backward_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week09.CheckSigmoidBackward((_, _) => throw new NotImplementedException()));

    // ---- Exercise 3: cross-entropy gradient ----

    private static Matrix<double> Softmax(Matrix<double> z, bool stable)
    {
        var p = Matrix<double>.Build.Dense(z.RowCount, z.ColumnCount);
        for (int i = 0; i < z.RowCount; i++)
        {
            var e = (stable ? z.Row(i) - z.Row(i).Maximum() : z.Row(i)).PointwiseExp();
            p.SetRow(i, e / e.Sum());
        }
        return p;
    }

    private static Matrix<double> OneHot(int[] labels, int classes) =>
        Matrix<double>.Build.Dense(labels.Length, classes, (i, k) => labels[i] == k ? 1 : 0);

    public static TheoryData<string, Func<Matrix<double>, int[], Matrix<double>>> WrongCrossEntropyGradients() => new()
    {
        // The 1/B of the mean forgotten: right for a batch of one, twice too large for two.
        { "missing 1/B", (z, y) => Softmax(z, stable: true) - OneHot(y, z.ColumnCount) },
        // exp without subtracting the maximum: e^1000 = ∞, ∞/∞ = NaN.
        { "softmax without the max shift", (z, y) => (Softmax(z, stable: false) - OneHot(y, z.ColumnCount)) / z.RowCount },
        // Sign slip: one-hot minus softmax is the gradient of −L (ascent direction).
        { "onehot - softmax", (z, y) => (OneHot(y, z.ColumnCount) - Softmax(z, stable: true)) / z.RowCount },
    };

    [Fact]
    public void The_cross_entropy_gradient_checker_accepts_the_reference() =>
        AssertPassed(Week09.CheckCrossEntropyGradient(Week09Solutions.CrossEntropyGradient));

    [Theory]
    [MemberData(nameof(WrongCrossEntropyGradients))]
    public void The_cross_entropy_gradient_checker_rejects_a_wrong_answer(string mistake, Func<Matrix<double>, int[], Matrix<double>> f) =>
        AssertRejected(mistake, Week09.CheckCrossEntropyGradient(f));

    [Fact]
    public void The_cross_entropy_gradient_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week09.CheckCrossEntropyGradient((_, _) => throw new NotImplementedException()));
}
