// Reference solution to the drill "Train a linear SVM by sub-gradient descent on the hinge loss" (Week 6).
// Base class library only. P(w, b) = λ/2‖w‖² + (1/n) Σ max(0, 1 − y_i f_i) is the soft-margin SVM primal
// with C = 1/(λn); Pegasos' step 1/(λt) suits its λ-strong convexity, and averaging the later iterates
// removes the oscillation a sub-gradient method has around the kink.
namespace Drills.Week06;

public static class HingeSvmDrill
{
    public static double Objective(double[][] x, int[] y, double[] w, double b, double lambda)
    {
        Validate(x, y, lambda, 1);
        double loss = 0;
        for (int i = 0; i < x.Length; i++) loss += Math.Max(0, 1 - y[i] * Score(x[i], w, b));
        return lambda / 2 * w.Sum(v => v * v) + loss / x.Length;
    }

    public static (double[] W, double B) Fit(double[][] x, int[] y, double lambda, int epochs)
    {
        Validate(x, y, lambda, epochs);
        int n = x.Length, d = x[0].Length;
        var w = new double[d];
        var wSum = new double[d];
        double b = 0, bSum = 0;
        int averaged = 0;
        for (int t = 1; t <= epochs; t++)
        {
            var gradW = w.Select(v => lambda * v).ToArray();   // from λ/2‖w‖²
            double gradB = 0;
            for (int i = 0; i < n; i++)
                if (y[i] * Score(x[i], w, b) < 1)               // active hinge: sub-gradient −y_i x_i / n
                {
                    for (int j = 0; j < d; j++) gradW[j] -= y[i] * x[i][j] / n;
                    gradB -= (double)y[i] / n;
                }
            double eta = 1.0 / (lambda * t);
            for (int j = 0; j < d; j++) w[j] -= eta * gradW[j];
            b -= eta * gradB;
            if (2 * t > epochs)
            {
                for (int j = 0; j < d; j++) wSum[j] += w[j];
                bSum += b;
                averaged++;
            }
        }
        return (wSum.Select(v => v / averaged).ToArray(), bSum / averaged);
    }

    public static int[] Predict(double[][] x, double[] w, double b) => x.Select(row => Score(row, w, b) >= 0 ? 1 : -1).ToArray();

    private static double Score(double[] row, double[] w, double b)
    {
        double s = b;
        for (int j = 0; j < w.Length; j++) s += w[j] * row[j];
        return s;
    }

    private static void Validate(double[][] x, int[] y, double lambda, int epochs)
    {
        if (x.Length == 0 || x.Length != y.Length) throw new ArgumentException($"x has {x.Length} rows but y has {y.Length} labels.", nameof(y));
        if (x.Any(row => row.Length != x[0].Length)) throw new ArgumentException("every row of x must have the same length.", nameof(x));
        if (y.Any(v => v != 1 && v != -1)) throw new ArgumentException("labels must be +1 or -1.", nameof(y));
        if (!(lambda > 0)) throw new ArgumentException($"lambda must be positive, but is {lambda}.", nameof(lambda));
        if (epochs <= 0) throw new ArgumentException($"epochs must be positive, but is {epochs}.", nameof(epochs));
    }
}
