namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Reference solutions to the exercises of week11-regularisation-and-normalisation.ipynb. Try the exercise first.
/// The tests prove that <see cref="Week11Regularisation"/> accepts each of these.
/// </summary>
public static class Week11RegularisationSolutions
{
    /// <summary>Exercise 1. Survivors are scaled by 1/(1 − p) so E[output] = x; eval is then the identity.</summary>
    public static double[] InvertedDropout(double[] x, bool[] keep, double p, bool training) =>
        training ? x.Select((v, i) => keep[i] ? v / (1 - p) : 0.0).ToArray() : x.ToArray();

    /// <summary>Exercise 2. Per feature j (a column: the batch axis is 0), μ_j and the biased σ²_j = Σ(x − μ)²/N.</summary>
    public static double[,] BatchNormForward(double[,] x, double epsilon)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var y = new double[n, d];
        for (int j = 0; j < d; j++)
        {
            double mean = 0, variance = 0;
            for (int i = 0; i < n; i++) mean += x[i, j] / n;
            for (int i = 0; i < n; i++) variance += (x[i, j] - mean) * (x[i, j] - mean) / n;
            for (int i = 0; i < n; i++) y[i, j] = (x[i, j] - mean) / Math.Sqrt(variance + epsilon);
        }
        return y;
    }

    /// <summary>Exercise 3. The running average takes the unbiased Σ(x − μ)²/(N − 1), as PyTorch's does.</summary>
    public static double[] RunningVariance(double[] running, double[,] x, double momentum)
    {
        int n = x.GetLength(0);
        var result = new double[running.Length];
        for (int j = 0; j < running.Length; j++)
        {
            double mean = 0, squares = 0;
            for (int i = 0; i < n; i++) mean += x[i, j] / n;
            for (int i = 0; i < n; i++) squares += (x[i, j] - mean) * (x[i, j] - mean);
            result[j] = (1 - momentum) * running[j] + momentum * squares / (n - 1);
        }
        return result;
    }
}
