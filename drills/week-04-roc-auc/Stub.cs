// Drill "Implement ROC AUC from scratch" (Week 4): your starting point. Keep the class, namespace
// and method signature (the hidden checks call them); fill in the body.
// Base class library only. Check with: course drill check week-04-roc-auc
namespace Drills.Week04;

public static class RocAucDrill
{
    /// <summary>
    /// Area under the ROC curve of scores against labels y (0 or 1): the probability that a random
    /// positive scores above a random negative, ties counting one half. O(n log n).
    /// Throw ArgumentException for a single class, labels other than 0/1, or different lengths.
    /// </summary>
    public static double Auc(int[] y, double[] scores)
    {
        throw new NotImplementedException();
    }
}
