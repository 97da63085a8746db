// Drill "Implement k-means with k-means++ initialisation" (Week 7): your starting point. Keep the record, class, namespace
// and method signatures (the hidden checks call them); fill in the bodies.
// Base class library only. Check with: course drill check week-07-kmeans
namespace Drills.Week07;

public sealed record KMeansResult(double[][] Centers, int[] Labels, double Inertia);

public static class KMeansDrill
{
    /// <summary>k rows: the first uniformly at random, each next one drawn with probability ∝ D(x)² (copies of the rows).</summary>
    public static double[][] PlusPlusInit(double[][] x, int k, Random rng)
    {
        throw new NotImplementedException();
    }

    /// <summary>Lloyd iterations from the given centres until the labels stop changing; an emptied centre moves to the worst-served row.</summary>
    public static KMeansResult Lloyd(double[][] x, double[][] initialCenters, int maxIter = 100)
    {
        throw new NotImplementedException();
    }

    /// <summary>Best of nInit k-means++ runs (lowest inertia), one new Random(seed) for all runs. ArgumentException unless 1 ≤ k ≤ n.</summary>
    public static KMeansResult Fit(double[][] x, int k, int nInit = 10, int seed = 0)
    {
        throw new NotImplementedException();
    }
}
