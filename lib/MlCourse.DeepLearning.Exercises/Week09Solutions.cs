using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Reference solutions to the exercises of week09-neural-networks.ipynb (section 10). Try the exercise
/// first: the checker tells you what is wrong and with which inputs. The tests prove that
/// <see cref="Week09"/> accepts each of these.
/// </summary>
public static class Week09Solutions
{
    /// <summary>
    /// Exercise 1. Z_ir = Σ_j X_ij W_rj + b_r, so ∂L/∂W_rj = Σ_i δ_ir X_ij (δᵀX), ∂L/∂b_r = Σ_i δ_ir (sum over
    /// the batch, no 1/n: the loss already averaged), ∂L/∂X_ij = Σ_r δ_ir W_rj (δW).
    /// </summary>
    public static DenseGradient DenseBackward(Matrix<double> x, Matrix<double> w, Matrix<double> delta) =>
        new(delta.TransposeThisAndMultiply(x), delta.ColumnSums(), delta * w);

    /// <summary>Exercise 2. σ′(z) = σ(z)(1 − σ(z)) = a(1 − a): the saved output is all the backward pass needs.</summary>
    public static double[] SigmoidBackward(double[] a, double[] upstream) =>
        a.Select((ai, i) => upstream[i] * ai * (1 - ai)).ToArray();

    /// <summary>Exercise 3. (softmax(z) − onehot(y)) / B per row, softmax computed after subtracting the row's maximum.</summary>
    public static Matrix<double> CrossEntropyGradient(Matrix<double> logits, int[] labels)
    {
        int batch = logits.RowCount;
        var g = Matrix<double>.Build.Dense(batch, logits.ColumnCount);
        for (int i = 0; i < batch; i++)
        {
            var row = logits.Row(i);
            var e = (row - row.Maximum()).PointwiseExp();
            var p = e / e.Sum();
            p[labels[i]] -= 1;
            g.SetRow(i, p / batch);
        }
        return g;
    }
}
