namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Reference solutions to the week 6 exercises (week06-svm-kernels.ipynb, section 12). Try the exercise first.
/// The tests prove that <see cref="Week06"/> accepts each of these.
/// </summary>
public static class Week06Solutions
{
    /// <summary>Exercise 1. Symmetric, so compute the lower triangle and mirror it; the diagonal is exp(0) = 1.</summary>
    public static double[,] RbfGram(double[][] rows, double gamma)
    {
        int n = rows.Length;
        var k = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double squared = 0;
                for (int f = 0; f < rows[i].Length; f++)
                {
                    double diff = rows[i][f] - rows[j][f];
                    squared += diff * diff;
                }
                k[i, j] = k[j, i] = Math.Exp(-gamma * squared);
            }
        return k;
    }

    /// <summary>
    /// Exercise 2. y_i ≠ y_j: α_j − α_i stays constant, a line of slope +1 through the box, clipped where it leaves
    /// [0, C]². y_i = y_j: α_i + α_j stays constant, slope −1.
    /// </summary>
    public static SmoBounds SmoBounds(double alphaI, double alphaJ, double yI, double yJ, double c) =>
        yI != yJ
            ? new SmoBounds(Math.Max(0, alphaJ - alphaI), Math.Min(c, c + alphaJ - alphaI))
            : new SmoBounds(Math.Max(0, alphaI + alphaJ - c), Math.Min(c, alphaI + alphaJ));

    /// <summary>Exercise 3. Only the rows with y f &lt; 1 (inside the margin or wrong) contribute to loss and gradient.</summary>
    public static HingeResult Hinge(double[][] rows, double[] signs, double[] w, double b, double c)
    {
        double loss = 0, gradB = 0;
        var gradW = (double[])w.Clone();   // ∂(½‖w‖²)/∂w = w
        for (int i = 0; i < rows.Length; i++)
        {
            double f = b;
            for (int j = 0; j < w.Length; j++) f += w[j] * rows[i][j];
            if (signs[i] * f < 1)
            {
                loss += 1 - signs[i] * f;
                for (int j = 0; j < w.Length; j++) gradW[j] -= c * signs[i] * rows[i][j];
                gradB -= c * signs[i];
            }
        }
        double half = 0;
        foreach (var v in w) half += 0.5 * v * v;
        return new HingeResult(half + c * loss, gradW, gradB);
    }
}
