// A plausible wrong answer to "Train a linear SVM by sub-gradient descent on the hinge loss": no
// intercept (f = w·x, as when the bias is "folded in" and then forgotten). Right on data symmetric
// about the origin, stuck far from the optimum when the classes sit away from it.
namespace Drills.Week06;

public static class HingeSvmDrill
{
    public static double Objective(double[][] x, int[] y, double[] w, double b, double lambda)
    {
        if (y.Any(v => v != 1 && v != -1)) throw new ArgumentException("labels must be ±1", nameof(y));
        double loss = 0;
        for (int i = 0; i < x.Length; i++) loss += Math.Max(0, 1 - y[i] * (b + x[i].Zip(w, (a, c) => a * c).Sum()));
        return lambda / 2 * w.Sum(v => v * v) + loss / x.Length;
    }

    public static (double[] W, double B) Fit(double[][] x, int[] y, double lambda, int epochs)
    {
        if (y.Any(v => v != 1 && v != -1)) throw new ArgumentException("labels must be ±1", nameof(y));
        if (lambda <= 0 || epochs <= 0) throw new ArgumentException("lambda and epochs must be positive");
        int n = x.Length, d = x[0].Length;
        var w = new double[d];
        var wSum = new double[d];
        int averaged = 0;
        for (int t = 1; t <= epochs; t++)
        {
            var grad = w.Select(v => lambda * v).ToArray();
            for (int i = 0; i < n; i++)
                if (y[i] * x[i].Zip(w, (a, c) => a * c).Sum() < 1)
                    for (int j = 0; j < d; j++) grad[j] -= y[i] * x[i][j] / n;
            for (int j = 0; j < d; j++) w[j] -= grad[j] / (lambda * t);
            if (2 * t > epochs) { for (int j = 0; j < d; j++) wSum[j] += w[j]; averaged++; }
        }
        return (wSum.Select(v => v / averaged).ToArray(), 0.0);
    }

    public static int[] Predict(double[][] x, double[] w, double b) =>
        x.Select(row => b + row.Zip(w, (a, c) => a * c).Sum() >= 0 ? 1 : -1).ToArray();
}
