// Drill "Code linear regression in 20 minutes" (Week 1). Base class library only, as on an
// interview coding pad: no MathNet, no LINQ tricks the interviewer has to decode.
namespace Drills.Week01;

public sealed class LinearRegressionDrill
{
    public double[] W { get; private set; } = [];
    public double B { get; private set; }

    // Closed form: append a column of ones, solve the normal equations (AᵀA) θ = Aᵀy
    // by Gaussian elimination with partial pivoting (never form an inverse).
    public LinearRegressionDrill FitClosedForm(double[][] X, double[] y)
    {
        int n = X.Length, d = X[0].Length + 1;
        var M = new double[d, d + 1];                         // augmented [AᵀA | Aᵀy]
        for (int i = 0; i < n; i++)
            for (int r = 0; r < d; r++)
            {
                double ar = r < d - 1 ? X[i][r] : 1.0;
                for (int c = 0; c < d; c++) M[r, c] += ar * (c < d - 1 ? X[i][c] : 1.0);
                M[r, d] += ar * y[i];
            }
        for (int col = 0; col < d; col++)
        {
            int p = col;
            for (int r = col + 1; r < d; r++) if (Math.Abs(M[r, col]) > Math.Abs(M[p, col])) p = r;
            if (Math.Abs(M[p, col]) < 1e-12) throw new InvalidOperationException("XᵀX is singular: features are collinear.");
            for (int c = 0; c <= d; c++) (M[col, c], M[p, c]) = (M[p, c], M[col, c]);
            for (int r = 0; r < d; r++)
            {
                if (r == col) continue;
                double f = M[r, col] / M[col, col];
                for (int c = col; c <= d; c++) M[r, c] -= f * M[col, c];
            }
        }
        var theta = new double[d];
        for (int r = 0; r < d; r++) theta[r] = M[r, d] / M[r, r];
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
