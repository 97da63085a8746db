// A plausible wrong answer to "Code linear regression in 20 minutes": the textbook formula
// θ = (XᵀX)⁻¹Xᵀy taken literally, inverting XᵀX by Gauss-Jordan and multiplying, although the prompt
// says not to form an inverse. Exact on well-conditioned data; on an ill-conditioned design its
// normal-equation residual is orders of magnitude larger than a solve's.
namespace Drills.Week01;

public sealed class LinearRegressionDrill
{
    public double[] W { get; private set; } = [];
    public double B { get; private set; }

    // Closed form: θ = (AᵀA)⁻¹ Aᵀy with A = [X | 1], the inverse by Gauss-Jordan elimination on [AᵀA | I].
    public LinearRegressionDrill FitClosedForm(double[][] X, double[] y)
    {
        int n = X.Length, d = X[0].Length + 1;
        var M = new double[d, 2 * d];                         // [AᵀA | I], becomes [I | (AᵀA)⁻¹]
        var v = new double[d];                                // Aᵀy
        for (int i = 0; i < n; i++)
            for (int r = 0; r < d; r++)
            {
                double ar = r < d - 1 ? X[i][r] : 1.0;
                for (int c = 0; c < d; c++) M[r, c] += ar * (c < d - 1 ? X[i][c] : 1.0);
                v[r] += ar * y[i];
            }
        for (int r = 0; r < d; r++) M[r, d + r] = 1;
        for (int col = 0; col < d; col++)
        {
            int p = col;
            for (int r = col + 1; r < d; r++) if (Math.Abs(M[r, col]) > Math.Abs(M[p, col])) p = r;
            if (Math.Abs(M[p, col]) < 1e-12) throw new InvalidOperationException("XᵀX is singular: features are collinear.");
            for (int c = 0; c < 2 * d; c++) (M[col, c], M[p, c]) = (M[p, c], M[col, c]);
            double pivot = M[col, col];
            for (int c = 0; c < 2 * d; c++) M[col, c] /= pivot;
            for (int r = 0; r < d; r++)
            {
                if (r == col) continue;
                double f = M[r, col];
                for (int c = 0; c < 2 * d; c++) M[r, c] -= f * M[col, c];
            }
        }
        var theta = new double[d];
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++) theta[r] += M[r, d + c] * v[c];
        W = theta[..^1]; B = theta[^1];
        return this;
    }

    // Batch gradient descent on MSE = (1/n) Σ (ŷ - y)²: ∂/∂w = (2/n) Xᵀ(ŷ - y), ∂/∂b = (2/n) Σ(ŷ - y).
    public LinearRegressionDrill FitGradientDescent(double[][] X, double[] y, double lr = 0.1, int epochs = 1000)
    {
        int n = X.Length, d = X[0].Length;
        W = new double[d]; B = 0;
        for (int e = 0; e < epochs; e++)
        {
            var gw = new double[d]; double gb = 0;
            for (int i = 0; i < n; i++)
            {
                double err = Predict(X[i]) - y[i];
                for (int j = 0; j < d; j++) gw[j] += 2 * err * X[i][j] / n;
                gb += 2 * err / n;
            }
            for (int j = 0; j < d; j++) W[j] -= lr * gw[j];
            B -= lr * gb;
        }
        return this;
    }

    public double Predict(double[] x)
    {
        double s = B;
        for (int j = 0; j < W.Length; j++) s += W[j] * x[j];
        return s;
    }
}
