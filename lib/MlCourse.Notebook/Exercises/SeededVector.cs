using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Notebook.Exercises;

/// <summary>Random vectors for the checkers' seeded problems, drawn in index order.</summary>
internal static class SeededVector
{
    /// <summary>
    /// n draws, one after another. Not Vector.Build.Dense(n, _ => rng...): MathNet calls a vector's init
    /// in parallel for large n, and a shared Random is neither thread-safe nor repeatable that way
    /// (docs/conventions.md, Randomness).
    /// </summary>
    public static Vector<double> Draw(int n, Func<double> draw)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = draw();
        return Vector<double>.Build.DenseOfArray(values);
    }
}
