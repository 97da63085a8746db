// Drill "Out-of-fold target encoding" (Week 8): your starting point. Keep the class, namespace and method
// signatures (the hidden checks call them); fill in the bodies.
// Base class library only. Check with: course drill check week-08-target-encoding
namespace Drills.Week08;

public static class TargetEncodingDrill
{
    /// <summary>
    /// Out-of-fold smoothed target encoding of the training rows; row i is in fold i % k and is encoded with
    /// (sum of y of its category in the other folds + m·ȳ_other) / (count + m); unseen there → ȳ_other.
    /// </summary>
    public static double[] OutOfFold(string[] categories, double[] y, int k, double m)
    {
        throw new NotImplementedException();
    }

    /// <summary>Encoding of new rows with statistics of all training rows; unseen categories get the global mean.</summary>
    public static double[] Transform(string[] categories, double[] y, double m, string[] newCategories)
    {
        throw new NotImplementedException();
    }
}
