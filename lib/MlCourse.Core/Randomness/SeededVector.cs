using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Core.Randomness;

/// <summary>
/// Random vectors drawn in index order, so a seed gives the same vector every run. Not
/// Vector.Build.Dense(n, _ => rng...): MathNet calls a vector's init in parallel for large n, and a
/// shared Random is neither thread-safe nor repeatable that way (docs/conventions.md, Randomness).
/// </summary>
public static class SeededVector
{
    /// <summary>n draws, one after another: <c>SeededVector.Draw(n, rng.NextGaussian)</c>.</summary>
    public static Vector<double> Draw(int n, Func<double> draw)
    {
        Validation.Guard.NotNull(draw, nameof(draw));
        return Draw(n, _ => draw());
    }

    /// <summary>Entry i = draw(i), for i = 0, 1, ..., n − 1 in that order: a target that adds noise to a function of row i.</summary>
    public static Vector<double> Draw(int n, Func<int, double> draw)
    {
        Validation.Guard.NonNegative(n, nameof(n));
        Validation.Guard.NotNull(draw, nameof(draw));
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = draw(i);
        return Vector<double>.Build.DenseOfArray(values);
    }
}
