// Drill "Implement decision tree split finding" (Week 5): your starting point. Keep the class, namespace
// and method signature (the hidden checks call them); fill in the body.
// Base class library only. Check with: course drill check week-05-split-finding
namespace Drills.Week05;

/// <summary>The best split: rows with x[Feature] &lt;= Threshold go left. Feature is -1 when no split exists.</summary>
public readonly record struct Split(int Feature, double Threshold, double WeightedGini);

public static class SplitFindingDrill
{
    /// <summary>
    /// The split x[f] &lt;= t over all features f that minimises (n_L/n)·Gini(left) + (n_R/n)·Gini(right), with t halfway
    /// between consecutive distinct values of feature f. O(d · n log n). Ties: first feature, smallest threshold.
    /// </summary>
    public static Split BestSplit(double[][] x, int[] y)
    {
        throw new NotImplementedException();
    }
}
