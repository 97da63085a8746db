using MlCourse.DeepLearning.Exercises;
using static MlCourse.Tests.Notebook.Support.CheckerAssert;

namespace MlCourse.DeepLearning.Tests.Exercises;

/// <summary>
/// Every checker of week11-regularisation-and-normalisation.ipynb accepts the reference solution, rejects the mistakes
/// candidates make (dropout without 1/(1 − p), the variances swapped, the wrong axis), and calls the stub "not attempted".
/// </summary>
public sealed class Week11RegularisationExercisesTests
{
    // ---- Exercise 1: inverted dropout ----

    public static TheoryData<string, Func<double[], bool[], double, bool, double[]>> WrongDropouts() => new()
    {
        // The mask applied without 1/(1 − p): E[output] = (1 − p)x in training.
        { "no 1/(1 - p) scaling", (x, keep, p, training) => training ? x.Select((v, i) => keep[i] ? v : 0).ToArray() : x.ToArray() },
        // The classic (non-inverted) rule mixed in: inverted scaling in training and × (1 − p) again in eval.
        { "eval scaled by (1 - p) as well", (x, keep, p, training) => training ? x.Select((v, i) => keep[i] ? v / (1 - p) : 0).ToArray() : x.Select(v => v * (1 - p)).ToArray() },
        // 1/p instead of 1/(1 − p): right only at p = 0.5.
        { "scaled by 1/p", (x, keep, p, training) => training ? x.Select((v, i) => keep[i] ? v / p : 0).ToArray() : x.ToArray() },
        // The mask also applied in eval.
        { "mask applied in eval", (x, keep, p, _) => x.Select((v, i) => keep[i] ? v / (1 - p) : 0).ToArray() },
    };

    [Fact]
    public void The_dropout_checker_accepts_the_reference() =>
        AssertPassed(Week11Regularisation.CheckInvertedDropout(Week11RegularisationSolutions.InvertedDropout));

    [Theory]
    [MemberData(nameof(WrongDropouts))]
    public void The_dropout_checker_rejects_a_wrong_answer(string mistake, Func<double[], bool[], double, bool, double[]> f) =>
        AssertRejected(mistake, Week11Regularisation.CheckInvertedDropout(f));

    [Fact]
    public void The_dropout_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week11Regularisation.CheckInvertedDropout((_, _, _, _) => throw new NotImplementedException()));

    // ---- Exercise 2: batch norm forward ----

    // Normalises each column (or, with byRows, each row) with the variance divided by count − (unbiased ? 1 : 0).
    private static double[,] Normalise(double[,] x, double epsilon, bool unbiased, bool byRows)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        int groups = byRows ? n : d, size = byRows ? d : n;
        var y = new double[n, d];
        for (int g = 0; g < groups; g++)
        {
            double At(int k) => byRows ? x[g, k] : x[k, g];
            double mean = Enumerable.Range(0, size).Sum(At) / size;
            double variance = Enumerable.Range(0, size).Sum(k => (At(k) - mean) * (At(k) - mean)) / (size - (unbiased ? 1 : 0));
            for (int k = 0; k < size; k++)
            {
                double v = (At(k) - mean) / Math.Sqrt(variance + epsilon);
                if (byRows) y[g, k] = v; else y[k, g] = v;
            }
        }
        return y;
    }

    public static TheoryData<string, Func<double[,], double, double[,]>> WrongBatchNorms() => new()
    {
        { "unbiased variance (N - 1) in the normalisation", (x, eps) => Normalise(x, eps, unbiased: true, byRows: false) },
        { "normalised over the features of each row (layer norm)", (x, eps) => Normalise(x, eps, unbiased: false, byRows: true) },
        // Centred but not scaled: a common half-finished answer.
        { "mean subtracted, no division by sigma", (x, _) => Centre(x) },
    };

    private static double[,] Centre(double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var y = new double[n, d];
        for (int j = 0; j < d; j++)
        {
            double mean = Enumerable.Range(0, n).Sum(i => x[i, j]) / n;
            for (int i = 0; i < n; i++) y[i, j] = x[i, j] - mean;
        }
        return y;
    }

    [Fact]
    public void The_batch_norm_checker_accepts_the_reference() =>
        AssertPassed(Week11Regularisation.CheckBatchNormForward(Week11RegularisationSolutions.BatchNormForward));

    [Theory]
    [MemberData(nameof(WrongBatchNorms))]
    public void The_batch_norm_checker_rejects_a_wrong_answer(string mistake, Func<double[,], double, double[,]> f) =>
        AssertRejected(mistake, Week11Regularisation.CheckBatchNormForward(f));

    [Fact]
    public void The_batch_norm_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week11Regularisation.CheckBatchNormForward((_, _) => throw new NotImplementedException()));

    // ---- Exercise 3: running variance ----

    public static TheoryData<string, Func<double[], double[,], double, double[]>> WrongRunningVariances() => new()
    {
        // The biased variance (the one used to normalise) fed into the running average: swapped with the unbiased one.
        { "biased batch variance in the running average", (r, x, m) => Running(r, x, m, divisorOffset: 0, swapWeights: false) },
        // Momentum read as the weight of the old value (Keras's convention, not PyTorch's).
        { "momentum weighs the old value", (r, x, m) => Running(r, x, m, divisorOffset: 1, swapWeights: true) },
    };

    private static double[] Running(double[] r, double[,] x, double momentum, int divisorOffset, bool swapWeights)
    {
        int n = x.GetLength(0);
        return r.Select((old, j) =>
        {
            double mean = Enumerable.Range(0, n).Sum(i => x[i, j]) / n;
            double batch = Enumerable.Range(0, n).Sum(i => (x[i, j] - mean) * (x[i, j] - mean)) / (n - divisorOffset);
            return swapWeights ? momentum * old + (1 - momentum) * batch : (1 - momentum) * old + momentum * batch;
        }).ToArray();
    }

    [Fact]
    public void The_running_variance_checker_accepts_the_reference() =>
        AssertPassed(Week11Regularisation.CheckRunningVariance(Week11RegularisationSolutions.RunningVariance));

    [Theory]
    [MemberData(nameof(WrongRunningVariances))]
    public void The_running_variance_checker_rejects_a_wrong_answer(string mistake, Func<double[], double[,], double, double[]> f) =>
        AssertRejected(mistake, Week11Regularisation.CheckRunningVariance(f));

    [Fact]
    public void The_running_variance_checker_calls_the_stub_not_attempted() =>
        AssertNotAttempted(Week11Regularisation.CheckRunningVariance((_, _, _) => throw new NotImplementedException()));
}
