using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// How every linear model in the library fits an unpenalised intercept: centre, solve without an
/// intercept, then recover b (Week 1, "Linear regression: the intercept by centering").
/// </summary>
/// <remarks>
/// For any loss of the form ||y − Xw − b·1||² (plus a penalty on w only), setting ∂/∂b = 0 gives
/// b = ȳ − x̄ᵀw. Substituting it back turns the residual into (y − ȳ) − (X − 1x̄ᵀ)w, i.e. the same
/// problem on centred data with no intercept. So solving the centred problem for w and then setting
/// b = ȳ − x̄ᵀw gives exactly the joint optimum; and the penalty never touches b, as scikit-learn
/// does. Without an intercept, "centring" is the identity and b = 0.
/// </remarks>
internal readonly record struct Centered(Matrix<double> X, Vector<double> Y, Vector<double> XMean, double YMean)
{
    /// <summary>Copies of x and y, centred when <paramref name="fitIntercept"/>; the caller's data is never touched.</summary>
    public static Centered From(Matrix<double> x, Vector<double> y, bool fitIntercept)
    {
        if (!fitIntercept)
            return new Centered(x.Clone(), y.Clone(), Vector<double>.Build.Dense(x.ColumnCount), 0.0);
        var xMean = x.ColumnSums() / x.RowCount;                    // (p)
        double yMean = y.Sum() / y.Count;
        var xc = x.Clone();
        for (int j = 0; j < xc.ColumnCount; j++)
            xc.SetColumn(j, xc.Column(j) - xMean[j]);                // (n, p): every column has mean 0
        return new Centered(xc, y - yMean, xMean, yMean);
    }

    /// <summary>b = ȳ − x̄ᵀw (0 without an intercept, because then both means are stored as 0).</summary>
    public double Intercept(Vector<double> w) => YMean - XMean.DotProduct(w);
}

/// <summary>Prediction shared by the linear models: ŷ = Xw + b.</summary>
internal static class LinearPrediction
{
    public static Vector<double> Predict(Matrix<double> x, Vector<double> w, double b) => x * w + b; // (n)
}
