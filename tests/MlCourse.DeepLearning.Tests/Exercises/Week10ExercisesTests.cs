using MlCourse.DeepLearning.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>
/// Every week 10 checker accepts the reference solution, rejects the mistakes candidates make (the ones
/// interview-questions.md lists), and calls a stub "not attempted".
/// </summary>
public sealed class Week10ExercisesTests
{
    // ---- Exercise 1: output size ----

    public static TheoryData<string, Func<int, int, int, int, int, int>> WrongOutputSizes() => new()
    {
        // The dilation forgotten: the kernel's span taken as k instead of d(k − 1) + 1.
        { "dilation ignored", (n, k, p, s, d) => (n + 2 * p - k) / s + 1 },
        // The +1 forgotten: counts the gaps between window positions, not the positions.
        { "missing + 1", (n, k, p, s, d) => (n + 2 * p - d * (k - 1) - 1) / s },
        // ceil instead of floor: counts a last window that runs off the padded input.
        { "ceil instead of floor", (n, k, p, s, d) => (int)Math.Ceiling((n + 2 * p - d * (k - 1) - 1) / (double)s) + 1 },
        // Padding on one side only.
        { "padding counted once", (n, k, p, s, d) => (n + p - d * (k - 1) - 1) / s + 1 },
    };

    [Fact]
    public void The_output_size_checker_accepts_the_reference() => AssertPassed(Week10.CheckOutputSize(Week10Solutions.OutputSize));

    [Theory]
    [MemberData(nameof(WrongOutputSizes))]
    public void The_output_size_checker_rejects_a_wrong_answer(string mistake, Func<int, int, int, int, int, int> f) =>
        AssertRejected(mistake, Week10.CheckOutputSize(f));

    [Fact]
    public void The_output_size_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week10.CheckOutputSize((_, _, _, _, _) => throw new NotImplementedException()));

    // ---- Exercise 2: conv2d forward ----

    // The textbook convolution: the kernel flipped in both axes (what PyTorch's conv2d does not do).
    private static double[,] Flipped(double[,] x, double[,] w, int p, int s)
    {
        int kh = w.GetLength(0), kw = w.GetLength(1);
        var f = new double[kh, kw];
        for (int a = 0; a < kh; a++) for (int b = 0; b < kw; b++) f[a, b] = w[kh - 1 - a, kw - 1 - b];
        return Week10Solutions.Conv2d(x, f, p, s);
    }

    // Rows and columns swapped in the output (a transposed result).
    private static double[,] Transposed(double[,] x, double[,] w, int p, int s)
    {
        var y = Week10Solutions.Conv2d(x, w, p, s);
        var t = new double[y.GetLength(1), y.GetLength(0)];
        for (int i = 0; i < y.GetLength(0); i++) for (int j = 0; j < y.GetLength(1); j++) t[j, i] = y[i, j];
        return t;
    }

    public static TheoryData<string, Func<double[,], double[,], int, int, double[,]>> WrongConvolutions() => new()
    {
        { "kernel flipped (true convolution, not PyTorch's cross-correlation)", Flipped },
        { "padding ignored", (x, w, p, s) => Week10Solutions.Conv2d(x, w, 0, s) },
        { "stride ignored", (x, w, p, s) => Week10Solutions.Conv2d(x, w, p, 1) },
        { "output transposed", Transposed },
    };

    [Fact]
    public void The_conv2d_checker_accepts_the_reference() => AssertPassed(Week10.CheckConv2dForward(Week10Solutions.Conv2d));

    [Theory]
    [MemberData(nameof(WrongConvolutions))]
    public void The_conv2d_checker_rejects_a_wrong_answer(string mistake, Func<double[,], double[,], int, int, double[,]> f) =>
        AssertRejected(mistake, Week10.CheckConv2dForward(f));

    [Fact]
    public void The_conv2d_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week10.CheckConv2dForward((_, _, _, _) => throw new NotImplementedException()));
}
